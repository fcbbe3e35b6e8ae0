package io.podidentity.azuresim.world;

/** A resource group; the name keeps the casing it was created with. */
public record ResourceGroup(String subscriptionId, String name, String location) {}
