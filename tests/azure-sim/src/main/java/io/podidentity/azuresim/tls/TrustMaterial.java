package io.podidentity.azuresim.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of one simulator: its CA, the server certificate for the ARM and Azure AD listeners, and the
 * trust store clients load. Tests build a per-client {@link SSLContext} from {@link #clientSslContext()} instead of
 * touching JVM-wide system properties, so simulators in one JVM stay independent.
 */
public final class TrustMaterial {
  private final CertificateAuthority authority;
  private final IssuedCertificate server;
  private final char[] trustStorePassword;

  private TrustMaterial(CertificateAuthority authority, IssuedCertificate server, char[] password) {
    this.authority = authority;
    this.server = server;
    this.trustStorePassword = password;
  }

  /** A new CA and a server certificate for {@code 127.0.0.1}, {@code localhost} and the extra hosts given. */
  public static TrustMaterial create(List<String> extraHosts) {
    CertificateAuthority ca = CertificateAuthority.create("Pod Identity Azure simulator CA");
    java.util.LinkedHashSet<String> hosts = new java.util.LinkedHashSet<>(List.of("127.0.0.1", "localhost"));
    hosts.addAll(extraHosts);
    IssuedCertificate server = ca.issueServerCertificate(List.copyOf(hosts));
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return new TrustMaterial(ca, server, HexFormat.of().formatHex(random).toCharArray());
  }

  public CertificateAuthority authority() {
    return authority;
  }

  public String trustStorePassword() {
    return new String(trustStorePassword);
  }

  /** The context the HTTPS listeners serve with. */
  public SSLContext serverSslContext() {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", server.keyPair().getPrivate(), trustStorePassword,
          new Certificate[] {server.certificate(), authority.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, trustStorePassword);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build server TLS context", e);
    }
  }

  /** A client context that trusts exactly this simulator's CA. */
  public SSLContext clientSslContext() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build client TLS context", e);
    }
  }

  /** A PKCS#12 store holding the CA as a trusted certificate entry. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("azure-sim-ca", authority.certificate());
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build trust store", e);
    }
  }

  /** Writes the trust store (PKCS#12, with {@link #trustStorePassword()}) to the given file. */
  public void writeTrustStore(Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      trustStore().store(out, trustStorePassword);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write trust store " + file, e);
    }
  }

  /** Writes the CA certificate as PEM, the bundle curl and Node (Azurite) clients accept. */
  public void writeCaBundle(Path file) {
    try {
      Files.writeString(file, pem(authority.certificate()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static String pem(X509Certificate certificate) {
    try {
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }
}
