package io.podidentity.kubesim.schema;

import java.util.Map;

/**
 * The {@code patchStrategy}/{@code patchMergeKey} tags of the built-in types' lists, which the generated Java
 * models do not carry. They decide how a strategic merge patch merges a list (by key, or as a set) instead of
 * replacing it; every list not named here is replaced whole, as in the Go types.
 */
final class BuiltinPatchStrategies {
  /** A list's strategy ("merge" or "merge,retainKeys") and merge key ("" for lists of scalars). */
  record Tag(String strategy, String mergeKey) {}

  private static final Tag BY_NAME = new Tag("merge", "name");
  private static final Tag BY_TYPE = new Tag("merge", "type");
  private static final Tag BY_IP = new Tag("merge", "ip");

  private static final Map<String, Tag> CONTAINER = Map.of(
      "env", BY_NAME,
      "ports", new Tag("merge", "containerPort"),
      "volumeMounts", new Tag("merge", "mountPath"),
      "volumeDevices", new Tag("merge", "devicePath"));

  private static final Map<String, Map<String, Tag>> TAGS = Map.ofEntries(
      Map.entry("V1ObjectMeta", Map.of(
          "finalizers", new Tag("merge", ""),
          "ownerReferences", new Tag("merge", "uid"))),
      Map.entry("V1PodSpec", Map.of(
          "containers", BY_NAME,
          "initContainers", BY_NAME,
          "ephemeralContainers", BY_NAME,
          "volumes", new Tag("merge,retainKeys", "name"),
          "imagePullSecrets", BY_NAME,
          "hostAliases", BY_IP,
          "topologySpreadConstraints", new Tag("merge", "topologyKey"),
          "resourceClaims", new Tag("merge,retainKeys", "name"),
          "schedulingGates", BY_NAME)),
      Map.entry("V1Container", CONTAINER),
      Map.entry("V1EphemeralContainer", CONTAINER),
      Map.entry("V1PodStatus", Map.of(
          "conditions", BY_TYPE,
          "podIPs", BY_IP,
          "hostIPs", BY_IP)),
      Map.entry("V1NodeSpec", Map.of("podCIDRs", new Tag("merge", ""))),
      Map.entry("V1NodeStatus", Map.of("conditions", BY_TYPE, "addresses", BY_TYPE)),
      Map.entry("V1NamespaceStatus", Map.of("conditions", BY_TYPE)),
      Map.entry("V1ServiceAccount", Map.of("secrets", BY_NAME)));

  private BuiltinPatchStrategies() {}

  static Tag tag(String modelClass, String field) {
    Map<String, Tag> fields = TAGS.get(modelClass);
    return fields == null ? null : fields.get(field);
  }
}
