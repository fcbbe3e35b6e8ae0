package io.podidentity.kubesim.http;

import io.podidentity.kubesim.api.ApiException;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.ApiResources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A resource URL taken apart as the apiserver's RequestInfo does it:
 * {@code /api/v1[/watch][/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]} and the same under
 * {@code /apis/{group}/{version}}.
 *
 * @param namespace null for cluster-scoped resources and for lists across all namespaces
 * @param name null for collections
 * @param subresource null for the object itself
 * @param watchPath whether the deprecated {@code /watch/} prefix was used
 */
public record ResourcePath(ApiResource resource, String namespace, String name, String subresource, boolean watchPath) {

  /** Parses a path; a path naming nothing served is the apiserver's generic 404. */
  public static ResourcePath parse(String path, ApiResources resources) {
    List<String> segments = new ArrayList<>(Arrays.asList(path.replaceAll("^/+|/+$", "").split("/")));
    String group;
    String version;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      segments = segments.subList(2, segments.size());
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      segments = segments.subList(3, segments.size());
    } else {
      throw ApiException.pathNotFound();
    }
    boolean watch = !segments.isEmpty() && segments.get(0).equals("watch");
    if (watch) {
      segments = segments.subList(1, segments.size());
    }
    String namespace = null;
    if (segments.size() >= 3 && segments.get(0).equals("namespaces")) {
      ApiResource inner = resources.find(group, version, segments.get(2));
      if (inner != null && inner.type().namespaced()) {
        namespace = segments.get(1);
        segments = segments.subList(2, segments.size());
      }
    }
    if (segments.isEmpty() || segments.size() > 3) {
      throw ApiException.pathNotFound();
    }
    ApiResource r = resources.find(group, version, segments.get(0));
    if (r == null || (r.type().namespaced() && namespace == null && segments.size() > 1)) {
      throw ApiException.pathNotFound();
    }
    String name = segments.size() > 1 ? segments.get(1) : null;
    String sub = segments.size() > 2 ? segments.get(2) : null;
    if (sub != null && !r.type().hasSubresource(sub)) {
      throw ApiException.pathNotFound();
    }
    return new ResourcePath(r, namespace, name, sub, watch);
  }

  /** The namespace to use for objects of this path ("" for cluster-scoped resources). */
  public String objectNamespace() {
    return namespace == null ? "" : namespace;
  }

  /** The resource as counters and errors name it, with the subresource: {@code pods/status}. */
  public String counterName() {
    String base = resource.type().groupResource();
    return subresource == null ? base : base + "/" + subresource;
  }
}
