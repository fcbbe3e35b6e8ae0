package io.podidentity.runtime.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreFileTest {
  @TempDir
  Path dir;

  private Path store(char[] password) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      keys.store(out, password);
    }
    return file;
  }

  @Test
  void loadsAStoreOfTheGivenTypeWhateverTheCase() throws Exception {
    Path file = store("secret".toCharArray());
    assertThat(new TrustStoreFile(file, "secret".toCharArray(), "pkcs12").sslContext().getProtocol()).isEqualTo("TLS");
  }

  @Test
  void aWrongPasswordOrAMissingFileNamesTheFileAndKeepsThePasswordOut() throws Exception {
    Path file = store("secret".toCharArray());
    assertThatThrownBy(() -> new TrustStoreFile(file, "wrong-one".toCharArray(), "PKCS12").sslContext())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
        .hasMessageNotContaining("wrong-one");
    assertThatThrownBy(() -> new TrustStoreFile(dir.resolve("absent.p12"), new char[0], "PKCS12").sslContext())
        .hasMessageContaining("absent.p12");
    assertThat(new TrustStoreFile(file, "secret".toCharArray(), "PKCS12").toString()).doesNotContain("secret");
  }
}
