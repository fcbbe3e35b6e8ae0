package io.podidentity.nmi.token;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import io.podidentity.common.model.SecretRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a service principal's Secret into an MSAL credential. Type 1: the client secret is the value of
 * {@code clientSecret}, or of the first key when there is no such key (the original took whichever value Go's map
 * iteration gave first; with one key, the same). Type 2: a PKCS#12 {@code certificate} unlocked by {@code password},
 * whose key must be RSA. Failures say what is wrong without quoting any secret material.
 */
final class SecretCredentials {
  private static final String CLIENT_SECRET_KEY = "clientSecret";

  private SecretCredentials() {}

  /** The credential, or the reason it cannot be made. */
  sealed interface Read {
    record Ready(IClientCredential credential) implements Read {}

    record Failed(String message) implements Read {}
  }

  static Read clientSecret(SecretRef ref, Map<String, byte[]> data) {
    Optional<byte[]> value = Optional.ofNullable(data.get(CLIENT_SECRET_KEY))
        .or(() -> data.values().stream().findFirst());
    if (value.isEmpty()) {
      return new Read.Failed("failed to get Kubernetes secret " + ref + ", err: the secret has no data");
    }
    return new Read.Ready(ClientCredentialFactory.createFromSecret(
        new String(value.get(), StandardCharsets.UTF_8)));
  }

  static Read certificate(SecretRef ref, Map<String, byte[]> data) {
    byte[] pkcs12 = data.get("certificate");
    if (pkcs12 == null) {
      return new Read.Failed("failed to get Kubernetes secret " + ref + ", err: no 'certificate' key");
    }
    byte[] passwordBytes = data.getOrDefault("password", new byte[0]);
    char[] password = new String(passwordBytes, StandardCharsets.UTF_8).toCharArray();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12), password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key
            && store.getCertificate(alias) instanceof X509Certificate certificate) {
          return key instanceof RSAPrivateKey
              ? new Read.Ready(ClientCredentialFactory.createFromCertificate(key, certificate))
              : new Read.Failed("the certificate in secret " + ref + " has a " + key.getAlgorithm()
                  + " key; an RSA key is required");
        }
      }
      return new Read.Failed("the certificate in secret " + ref + " holds no private key");
    } catch (IOException | GeneralSecurityException e) {
      return new Read.Failed("failed to decode the PKCS#12 certificate in secret " + ref + ": "
          + e.getClass().getSimpleName());
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }
}
