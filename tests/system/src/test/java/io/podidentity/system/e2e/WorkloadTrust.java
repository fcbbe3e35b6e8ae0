package io.podidentity.system.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * The trust store the pods' workloads start with: the Azure simulator's CA (ARM) and Azurite's self-signed
 * certificate, as an image would carry its own CA bundle.
 */
final class WorkloadTrust {
  private WorkloadTrust() {}

  static void write(Path target, String password, Path... pemFiles) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      int n = 0;
      for (Path pem : pemFiles) {
        try (InputStream in = Files.newInputStream(pem)) {
          for (Certificate certificate : factory.generateCertificates(in)) {
            store.setCertificateEntry("trusted-" + n++, certificate);
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        store.store(out, password.toCharArray());
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write " + target, e);
    }
  }
}
