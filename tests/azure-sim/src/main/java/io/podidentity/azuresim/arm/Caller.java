package io.podidentity.azuresim.arm;

/** The principal behind an ARM request, from its bearer token: object id, client (app) id and tenant. */
public record Caller(String objectId, String appId, String tenantId) {}
