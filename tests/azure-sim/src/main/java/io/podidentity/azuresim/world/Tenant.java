package io.podidentity.azuresim.world;

/** An Azure AD tenant (directory). */
public record Tenant(String id, String displayName) {}
