package io.podidentity.common.crd;

/**
 * The names on the wire that MIC, NMI and the manifests must agree on with aad-pod-identity: API group and version,
 * kinds and plurals, the pod label, the assigned identity's node label and finalizer, the namespaced annotation and
 * the assignment states. {@link CrdKind} pairs the kinds with their wire classes.
 */
public final class CrdNames {
  public static final String GROUP = "aadpodidentity.k8s.io";
  public static final String VERSION = "v1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final String AZURE_IDENTITY_KIND = "AzureIdentity";
  public static final String AZURE_IDENTITY_BINDING_KIND = "AzureIdentityBinding";
  public static final String AZURE_ASSIGNED_IDENTITY_KIND = "AzureAssignedIdentity";
  public static final String AZURE_POD_IDENTITY_EXCEPTION_KIND = "AzurePodIdentityException";

  public static final String AZURE_IDENTITY_PLURAL = "azureidentities";
  public static final String AZURE_IDENTITY_BINDING_PLURAL = "azureidentitybindings";
  public static final String AZURE_ASSIGNED_IDENTITY_PLURAL = "azureassignedidentities";
  public static final String AZURE_POD_IDENTITY_EXCEPTION_PLURAL = "azurepodidentityexceptions";

  /** Pod label whose value is compared with a binding's {@code spec.selector}. */
  public static final String POD_LABEL = "aadpodidbinding";

  /** The only label MIC sets on an assigned identity; NMI watches only its own node's objects through it. */
  public static final String NODE_NAME_LABEL = "nodename";

  /** Annotation on an AzureIdentity that restricts it to bindings and pods of its own namespace. */
  public static final String BEHAVIOR_ANNOTATION = "aadpodidentity.k8s.io/Behavior";

  /** The {@link #BEHAVIOR_ANNOTATION} value that makes an identity namespaced (compared exactly). */
  public static final String BEHAVIOR_NAMESPACED = "namespaced";

  /** Finalizer MIC puts on every assigned identity it creates and strips after deleting it. */
  public static final String ASSIGNED_IDENTITY_FINALIZER = "azureassignedidentity.finalizers.aadpodidentity.k8s.io";

  /** {@code status.status} of an assigned identity written but not yet confirmed on the node. */
  public static final String STATE_CREATED = "Created";

  /** {@code status.status} of an assigned identity whose identity is usable from the node. */
  public static final String STATE_ASSIGNED = "Assigned";

  /** {@code status.status} of an assigned identity taken off the node, about to be deleted. */
  public static final String STATE_UNASSIGNED = "Unassigned";

  private CrdNames() {}
}
