package io.podidentity.azuresim.world;

/**
 * A user-assigned identity as recorded on a VM or scale set. Ids and client/principal ids are captured when it was
 * attached; if the identity is later deleted the entry stays (stale), exactly as Azure leaves it.
 */
public record AttachedIdentity(String resourceId, String principalId, String clientId) {}
