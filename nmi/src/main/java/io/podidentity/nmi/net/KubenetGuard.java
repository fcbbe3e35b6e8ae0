package io.podidentity.nmi.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The original's refusal to run on kubenet (§3.2 step 1, CVE-2021-1677: on a bridge a pod with NET_RAW can spoof
 * another pod's address and receive its tokens): the kubelet's defaults file naming {@code --network-plugin=kubenet}
 * stops NMI, and so does a file that cannot be read. Only that file and that text are checked, as in the original.
 */
public final class KubenetGuard {
  static final String KUBENET_FLAG = "--network-plugin=kubenet";
  static final String REFUSAL = "AAD Pod Identity is not supported for Kubenet. Review "
      + "https://azure.github.io/aad-pod-identity/docs/configure/aad_pod_identity_on_kubenet/ for more details.";

  private KubenetGuard() {}

  /** Why NMI must not start on this node, or empty when it may. */
  public static Optional<String> check(Path kubeletConfig) {
    try {
      String content = new String(Files.readAllBytes(kubeletConfig), StandardCharsets.UTF_8);
      return content.contains(KUBENET_FLAG) ? Optional.of(REFUSAL) : Optional.empty();
    } catch (IOException e) {
      return Optional.of("failed to check if CNI plugin is kubenet, error: cannot read " + kubeletConfig + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }
}
