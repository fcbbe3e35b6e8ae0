package io.podidentity.azuresim.world;

/** The system-assigned identity of a VM or scale set: a service principal the platform creates and deletes. */
public record SystemIdentity(String principalId, String clientId, String tenantId) {}
