package io.podidentity.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The renderings under test, each made once per run: kustomize/base, every overlay under kustomize/overlays, and
 * "k8s", the plain manifests as `kubectl apply -k k8s/<part>` and `kubectl apply -f k8s/uninstall` would send
 * them. Tests are skipped, with the reason printed, only where kubectl is absent.
 */
final class Renderings {
  static final String PLAIN = "k8s";
  private static final List<String> PLAIN_PARTS_WITHOUT_KUSTOMIZATION = List.of("k8s/uninstall");
  private static final Map<String, Rendering> CACHE = new ConcurrentHashMap<>();
  private static final String NO_KUBECTL =
      "kubectl is not on the PATH: the manifest tests render with `kubectl kustomize` and are skipped";

  private Renderings() {}

  static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(PLAIN);
    names.add("kustomize/base");
    names.addAll(overlays());
    return names;
  }

  static List<String> overlays() {
    return Kustomize.kustomizationsBelow("kustomize/overlays");
  }

  static Rendering get(String name) {
    if (Kustomize.kubectl().isEmpty()) {
      System.err.println("skipped: " + NO_KUBECTL);
      Assumptions.abort(NO_KUBECTL);
    }
    return CACHE.computeIfAbsent(name, n -> n.equals(PLAIN) ? plain() : Kustomize.render(n));
  }

  private static Rendering plain() {
    List<Manifest> manifests = new ArrayList<>();
    for (String part : Kustomize.kustomizationsBelow("k8s")) {
      manifests.addAll(Kustomize.render(part).manifests());
    }
    for (String part : PLAIN_PARTS_WITHOUT_KUSTOMIZATION) {
      manifests.addAll(Kustomize.files(part).manifests());
    }
    return new Rendering(PLAIN, manifests);
  }
}
