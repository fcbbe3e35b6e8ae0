package io.podidentity.mic.azure;

import io.podidentity.mic.config.MicSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust for ARM and Azure AD: the JDK's CA certificates, or a trust store file for a private CA (an Azure
 * Stack hub, the simulator's CA in tests). Built per connection, never through global {@code javax.net.ssl}
 * properties, so one process can talk to differently trusted endpoints.
 */
public final class TrustMaterial {
  private TrustMaterial() {}

  /** The TLS context for the configured trust store, or empty for the JDK's defaults. */
  public static Optional<SSLContext> sslContext(Optional<MicSettings.TrustStore> trustStore) {
    return trustStore.map(TrustMaterial::load);
  }

  private static SSLContext load(MicSettings.TrustStore store) {
    try (InputStream in = Files.newInputStream(store.path())) {
      KeyStore keys = KeyStore.getInstance(store.type().toUpperCase(Locale.ROOT));
      keys.load(in, store.password());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("failed to load trust store " + store.path() + ": " + e.getMessage(), e);
    }
  }
}
