package io.podidentity.kubesim.api;

import java.util.List;

/**
 * The names under which one resource of one group version is served, as discovery publishes them.
 *
 * @param subresources e.g. {@code status} or {@code token}, each with the kind it takes and returns
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    List<Subresource> subresources) {

  /** The standard verbs of a resource that supports every operation. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public ResourceType {
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = List.copyOf(subresources);
  }

  /** A subresource such as {@code pods/status}; group and version name the kind it exchanges. */
  public record Subresource(String name, String group, String version, String kind, List<String> verbs) {
    public Subresource {
      verbs = List.copyOf(verbs);
    }
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The qualified resource as errors print it: {@code pods}, {@code leases.coordination.k8s.io}. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The qualified kind as validation errors print it: {@code Pod}, {@code Lease.coordination.k8s.io}. */
  public String groupKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  public String listKind() {
    return kind + "List";
  }

  public boolean hasSubresource(String name) {
    return subresources.stream().anyMatch(s -> s.name().equals(name));
  }

  public Subresource subresource(String name) {
    return subresources.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /** The URL path of the collection, in a namespace when given and the resource is namespaced. */
  public String collectionPath(String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return namespaced && namespace != null ? prefix + "/namespaces/" + namespace + "/" + plural : prefix + "/" + plural;
  }
}
