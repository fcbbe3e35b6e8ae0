package io.podidentity.runtime.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A trust store file (PKCS12 or JKS) for endpoints behind a private CA: an Azure Stack hub, the simulators' CA in
 * tests. It trusts only the certificates in the file, and is applied to one client at a time, never through the
 * JVM-wide {@code javax.net.ssl} properties, so one process can talk to differently trusted endpoints.
 */
public record TrustStoreFile(Path path, char[] password, String type) {

  /** A TLS context that trusts exactly this store's certificates. */
  public SSLContext sslContext() {
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore keys = KeyStore.getInstance(type.toUpperCase(Locale.ROOT));
      keys.load(in, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot load the trust store " + path + " (type " + type + "): " + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return "TrustStoreFile[path=" + path + ", type=" + type + "]";
  }
}
