package io.podidentity.azuresim.world;

/** A subscription and the tenant whose tokens it trusts. */
public record Subscription(String id, String tenantId, String displayName) {}
