package io.podidentity.kubesim.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.podidentity.kubesim.registry.ApiResource;
import io.podidentity.kubesim.registry.Registry;
import io.podidentity.kubesim.table.TableConverter;
import java.time.Clock;
import java.util.List;

/**
 * Renders objects and lists in the representation the client negotiated: the object itself, a Table, or
 * PartialObjectMetadata. Lists of built-in kinds carry their items without kind and apiVersion, as typed Go
 * lists are encoded; custom resource lists keep them.
 */
final class Renderer {
  private static final List<String> META_VERSIONS = List.of("v1", "v1beta1");

  private final Clock clock;

  Renderer(Clock clock) {
    this.clock = clock;
  }

  java.time.Instant now() {
    return clock.instant();
  }

  /** The representation an Accept header asks for. */
  record Representation(String as, String version, TableConverter.IncludeObject include) {
    static final Representation PLAIN = new Representation("", "", TableConverter.IncludeObject.METADATA);

    boolean table() {
      return as.equals("Table");
    }

    boolean partial() {
      return as.startsWith("PartialObjectMetadata");
    }
  }

  static Representation negotiate(MediaTypes accept, String includeObject) {
    TableConverter.IncludeObject include;
    try {
      include = TableConverter.IncludeObject.parse(includeObject);
    } catch (IllegalArgumentException e) {
      include = TableConverter.IncludeObject.METADATA;
    }
    MediaTypes.Range table = accept.conversion("Table", "meta.k8s.io", META_VERSIONS);
    if (table != null) {
      return new Representation("Table", table.params().get("v"), include);
    }
    for (String as : List.of("PartialObjectMetadata", "PartialObjectMetadataList")) {
      MediaTypes.Range partial = accept.conversion(as, "meta.k8s.io", META_VERSIONS);
      if (partial != null) {
        return new Representation(as, partial.params().get("v"), include);
      }
    }
    return Representation.PLAIN;
  }

  JsonObject object(ApiResource r, JsonObject obj, Representation rep) {
    if (rep.table()) {
      return converter(r, rep).table(List.of(obj), listMeta(io.podidentity.kubesim.json.Meta.resourceVersion(obj), "", null),
          true, clock.instant());
    }
    if (rep.partial()) {
      return partial(obj, rep.version());
    }
    return obj;
  }

  JsonObject list(ApiResource r, Registry.Page page, Representation rep) {
    JsonObject meta = listMeta(Long.toString(page.resourceVersion()), page.continueToken(), page.remainingItemCount());
    if (rep.table()) {
      return converter(r, rep).table(page.items(), meta, true, clock.instant());
    }
    JsonObject list = new JsonObject();
    JsonArray items = new JsonArray();
    if (rep.partial()) {
      list.addProperty("kind", "PartialObjectMetadataList");
      list.addProperty("apiVersion", "meta.k8s.io/" + rep.version());
      page.items().forEach(i -> items.add(partial(i, rep.version())));
    } else {
      list.addProperty("kind", r.type().listKind());
      list.addProperty("apiVersion", r.type().apiVersion());
      page.items().forEach(i -> items.add(r.isCustom() ? i : withoutTypeMeta(i)));
    }
    list.add("metadata", meta);
    list.add("items", items);
    return list;
  }

  TableConverter converter(ApiResource r, Representation rep) {
    return new TableConverter(r.printer(), rep.version(), rep.include());
  }

  static JsonObject partial(JsonObject obj, String version) {
    JsonObject p = new JsonObject();
    p.addProperty("kind", "PartialObjectMetadata");
    p.addProperty("apiVersion", "meta.k8s.io/" + version);
    p.add("metadata", obj.has("metadata") ? obj.get("metadata") : new JsonObject());
    return p;
  }

  static JsonObject listMeta(String resourceVersion, String continueToken, Long remaining) {
    JsonObject meta = new JsonObject();
    meta.addProperty("resourceVersion", resourceVersion);
    if (continueToken != null && !continueToken.isEmpty()) {
      meta.addProperty("continue", continueToken);
    }
    if (remaining != null) {
      meta.addProperty("remainingItemCount", remaining);
    }
    return meta;
  }

  private static JsonObject withoutTypeMeta(JsonObject obj) {
    JsonObject copy = new JsonObject();
    obj.entrySet().forEach(e -> {
      if (!e.getKey().equals("kind") && !e.getKey().equals("apiVersion")) {
        copy.add(e.getKey(), e.getValue());
      }
    });
    return copy;
  }
}
