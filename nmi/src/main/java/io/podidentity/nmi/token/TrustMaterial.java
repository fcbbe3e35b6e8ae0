package io.podidentity.nmi.token;

import io.podidentity.nmi.config.NmiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust for Azure AD calls: the JDK's CA certificates, or only those of a configured trust store (an Azure
 * Stack or test authority behind a private CA). Applied to NMI's own MSAL clients, never through the JVM-wide
 * {@code javax.net.ssl} properties.
 */
public final class TrustMaterial {
  private TrustMaterial() {}

  public static Optional<SSLSocketFactory> socketFactory(Optional<NmiSettings.TrustStore> store) {
    return store.map(TrustMaterial::load);
  }

  private static SSLSocketFactory load(NmiSettings.TrustStore store) {
    try (InputStream in = Files.newInputStream(store.path())) {
      KeyStore keys = KeyStore.getInstance(store.type().toUpperCase(Locale.ROOT));
      keys.load(in, store.password());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the Azure AD trust store " + store.path() + ": " + e, e);
    }
  }
}
