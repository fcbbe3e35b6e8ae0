package io.podidentity.kubesim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kubeconfig kubectl and client-java use to reach a simulator: one cluster (with its certificate when it serves
 * HTTPS), one user, namespace default.
 */
final class Kubeconfig {
  private Kubeconfig() {}

  static String render(String server, String token, String caPem) {
    String user = token == null ? "  user: {}\n" : "  user:\n    token: " + token + "\n";
    String ca = caPem == null ? "" : "    certificate-authority-data: "
        + java.util.Base64.getEncoder().encodeToString(caPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "\n";
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- cluster:\n"
        + ca
        + "    server: " + server + "\n"
        + "  name: kube-sim\n"
        + "contexts:\n"
        + "- context:\n"
        + "    cluster: kube-sim\n"
        + "    namespace: default\n"
        + "    user: kube-sim\n"
        + "  name: kube-sim\n"
        + "current-context: kube-sim\n"
        + "preferences: {}\n"
        + "users:\n"
        + "- name: kube-sim\n"
        + user;
  }

  static Path write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content);
    return file;
  }
}
