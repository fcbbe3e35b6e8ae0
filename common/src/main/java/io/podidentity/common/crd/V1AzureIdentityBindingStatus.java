package io.podidentity.common.crd;

/** Status of an {@code AzureIdentityBinding}; declared by the original and never written by MIC. */
public class V1AzureIdentityBindingStatus extends ReplicaStatus<V1AzureIdentityBindingStatus> {}
