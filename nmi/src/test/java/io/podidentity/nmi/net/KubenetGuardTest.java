package io.podidentity.nmi.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubenetGuardTest {
  @TempDir Path dir;

  @Test
  void refusesKubenetWithTheOriginalsMessage() throws IOException {
    Path config = Files.writeString(dir.resolve("kubelet"), "KUBELET_FLAGS=--network-plugin=kubenet --max-pods=110\n");
    assertThat(KubenetGuard.check(config)).contains("AAD Pod Identity is not supported for Kubenet. Review "
        + "https://azure.github.io/aad-pod-identity/docs/configure/aad_pod_identity_on_kubenet/ for more details.");
  }

  @Test
  void acceptsOtherNetworkPluginsAndAnEmptyFile() throws IOException {
    assertThat(KubenetGuard.check(Files.writeString(dir.resolve("a"), "KUBELET_FLAGS=--network-plugin=cni\n")))
        .isEmpty();
    assertThat(KubenetGuard.check(Files.writeString(dir.resolve("b"), ""))).isEmpty();
  }

  @Test
  void refusesAFileItCannotRead() {
    assertThat(KubenetGuard.check(dir)).hasValueSatisfying(m ->
        assertThat(m).startsWith("failed to check if CNI plugin is kubenet, error: cannot read " + dir));
  }
}
