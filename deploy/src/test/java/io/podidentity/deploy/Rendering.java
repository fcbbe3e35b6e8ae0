package io.podidentity.deploy;

import java.util.List;
import java.util.Optional;

/** The objects one kustomization (or one plain manifest directory) renders to. */
record Rendering(String name, List<Manifest> manifests) {

  Rendering {
    manifests = List.copyOf(manifests);
  }

  List<Manifest> ofKind(String kind) {
    return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  Optional<Manifest> find(String kind, String name) {
    return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
  }

  Manifest one(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " renders no " + kind + " " + name));
  }

  /** Deployments and DaemonSets. */
  List<Manifest> workloads() {
    return manifests.stream().filter(m -> m.kind().equals("Deployment") || m.kind().equals("DaemonSet")).toList();
  }

  /** Whether an object of {@code kind} named {@code name} exists in {@code namespace}. */
  boolean has(String kind, String namespace, String name) {
    return manifests.stream().anyMatch(m -> m.kind().equals(kind) && m.name().equals(name)
        && m.namespace().orElse("").equals(namespace));
  }

  @Override
  public String toString() {
    return name;
  }
}
