package io.podidentity.azuresim.aad;

/**
 * Who a token is for: the {@code aud} value to write and the token version the resource accepts (Azure AD decides the
 * version by the resource, not by the endpoint the client called).
 */
public record TokenAudience(String audience, String resource, int version) {}
