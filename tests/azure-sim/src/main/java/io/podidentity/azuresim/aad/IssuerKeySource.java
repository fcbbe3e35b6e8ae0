package io.podidentity.azuresim.aad;

import io.podidentity.azuresim.jwt.JsonWebKeySet;
import java.util.Optional;

/** Finds the signing keys of an external OIDC issuer (a Kubernetes API server, for workload federation). */
@FunctionalInterface
public interface IssuerKeySource {
  /** The issuer's keys, or empty when its discovery document or JWKS cannot be fetched. */
  Optional<JsonWebKeySet> keys(String issuer);
}
