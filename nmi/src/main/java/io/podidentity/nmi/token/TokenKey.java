package io.podidentity.nmi.token;

import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.SecretRef;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cached token belongs to: the identity (kind and client ID, or the node's system-assigned identity), the
 * tenant and Azure AD endpoint for service principals, the Secret their credential comes from, and the resource.
 * Which pod asked is deliberately not part of it: authorization is decided per request, only upstream work is shared.
 */
public record TokenKey(Kind kind, String clientId, String tenant, Optional<SecretRef> secret, String authority,
    String resource) {

  /** Where the token comes from. */
  public enum Kind { USER_ASSIGNED, NODE, SERVICE_PRINCIPAL, SERVICE_PRINCIPAL_CERTIFICATE }

  public TokenKey {
    Objects.requireNonNull(kind, "kind");
    clientId = clientId.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(resource, "resource");
  }

  /** Whether this key's token was obtained for {@code id} (any kind). */
  public boolean isFor(ClientId id) {
    return clientId.equals(id.value().toLowerCase(Locale.ROOT));
  }

  /** The key with the client ID redacted, as every log line shows client IDs. */
  @Override
  public String toString() {
    return "TokenKey[kind=" + kind + ", clientId=" + io.podidentity.common.model.Redaction.clientId(clientId)
        + ", tenant=" + tenant + ", secret=" + secret.map(Object::toString).orElse("") + ", resource=" + resource + "]";
  }

  /** Whether this key's credential is read from {@code ref}. */
  public boolean usesSecret(SecretRef ref) {
    return secret.map(ref::equals).orElse(false);
  }
}
