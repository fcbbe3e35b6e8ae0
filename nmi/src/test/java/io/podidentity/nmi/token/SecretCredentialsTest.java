package io.podidentity.nmi.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.azuresim.tls.CertificateAuthority;
import io.podidentity.azuresim.tls.IssuedCertificate;
import io.podidentity.common.model.SecretRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCredentialsTest {
  private static final SecretRef REF = new SecretRef("team-a", "sp");

  @Test
  void takesClientSecretOrTheOnlyValue() {
    assertThat(SecretCredentials.clientSecret(REF, Map.of("other", bytes("x"), "clientSecret", bytes("s"))))
        .isInstanceOf(SecretCredentials.Read.Ready.class);
    assertThat(SecretCredentials.clientSecret(REF, Map.of("password", bytes("s"))))
        .isInstanceOf(SecretCredentials.Read.Ready.class);
    assertThat(SecretCredentials.clientSecret(REF, Map.of())).isEqualTo(new SecretCredentials.Read.Failed(
        "failed to get Kubernetes secret team-a/sp, err: the secret has no data"));
  }

  @Test
  void readsAPkcs12CertificateWithItsPassword() throws Exception {
    byte[] pkcs12 = pkcs12("s3cret".toCharArray());
    assertThat(SecretCredentials.certificate(REF, Map.of("certificate", pkcs12, "password", bytes("s3cret"))))
        .isInstanceOf(SecretCredentials.Read.Ready.class);
  }

  @Test
  void explainsBadCertificatesWithoutQuotingThem() throws Exception {
    byte[] pkcs12 = pkcs12("s3cret".toCharArray());
    SecretCredentials.Read wrong = SecretCredentials.certificate(REF, Map.of("certificate", pkcs12, "password",
        bytes("wrong")));
    assertThat(wrong).isInstanceOf(SecretCredentials.Read.Failed.class);
    assertThat(((SecretCredentials.Read.Failed) wrong).message())
        .startsWith("failed to decode the PKCS#12 certificate in secret team-a/sp").doesNotContain("wrong");
    assertThat(SecretCredentials.certificate(REF, Map.of("password", bytes("x"))))
        .isEqualTo(new SecretCredentials.Read.Failed("failed to get Kubernetes secret team-a/sp, err: no "
            + "'certificate' key"));
  }

  static byte[] pkcs12(char[] password) throws Exception {
    IssuedCertificate issued = CertificateAuthority.create("test-ca").issueClientCertificate("sp");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("sp", issued.keyPair().getPrivate(), password, new Certificate[] {issued.certificate()});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
