package io.podidentity.common.crd;

/** Status of an {@code AzureIdentity}; declared by the original and never written by MIC. */
public class V1AzureIdentityStatus extends ReplicaStatus<V1AzureIdentityStatus> {}
