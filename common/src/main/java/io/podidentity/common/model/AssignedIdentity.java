package io.podidentity.common.model;

import java.util.Objects;

/**
 * A validated {@code AzureAssignedIdentity}: MIC's record that {@code pod} on {@code nodeName} was matched to {@code
 * identity} through {@code binding}, and how far the assignment got. The identity and binding are the copies
 * embedded in the object (with their resourceVersions at matching time), not the live objects. {@code
 * resourceVersion} is the assigned identity's own, empty for one not yet written.
 */
public record AssignedIdentity(
    ObjectRef ref,
    String resourceVersion,
    AzureIdentity identity,
    IdentityBinding binding,
    PodRef pod,
    String nodeName,
    AssignmentState state) {

  /** Where assigned identities live unless namespaced: the original always used this namespace. */
  public static final String DEFAULT_NAMESPACE = "default";

  public AssignedIdentity {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(resourceVersion, "resourceVersion");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(pod, "pod");
    Names.requireNonBlank(nodeName, "nodeName");
    Objects.requireNonNull(state, "state");
  }

  /**
   * The object's name: {@code <pod>-<podNamespace>-<identityName>}, without hashing or truncation, as the original
   * names it (so both can manage the same objects).
   */
  public static String nameFor(PodRef pod, String identityName) {
    Names.requireNonBlank(identityName, "identityName");
    return pod.name() + "-" + pod.namespace() + "-" + identityName;
  }

  /**
   * The object's namespace: the identity's when MIC runs namespaced or the identity is annotated namespaced,
   * otherwise always {@value #DEFAULT_NAMESPACE}, whatever the pod's namespace (kept for compatibility).
   */
  public static String namespaceFor(ObjectRef identity, boolean restrictedToNamespace) {
    return restrictedToNamespace ? identity.namespace() : DEFAULT_NAMESPACE;
  }

  /** The reference an assigned identity for this match gets; {@link #namespaceFor} decides the namespace. */
  public static ObjectRef refFor(PodRef pod, AzureIdentity identity, boolean forceNamespaced) {
    return new ObjectRef(
        namespaceFor(identity.ref(), identity.restrictedToNamespace(forceNamespaced)),
        nameFor(pod, identity.ref().name()));
  }

  /** This assignment in another state, e.g. after ARM confirmed it. */
  public AssignedIdentity withState(AssignmentState newState) {
    return new AssignedIdentity(ref, resourceVersion, identity, binding, pod, nodeName, newState);
  }
}
