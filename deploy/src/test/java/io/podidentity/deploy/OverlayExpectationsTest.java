package io.podidentity.deploy;

import static io.podidentity.deploy.Manifest.object;
import static io.podidentity.deploy.Manifest.objects;
import static io.podidentity.deploy.Manifest.strings;
import static io.podidentity.deploy.Manifest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each overlay is for, checked on its rendering; a new overlay must add its expectations here. */
class OverlayExpectationsTest {
  private static final Set<String> KNOWN = Set.of("kustomize/overlays/dev", "kustomize/overlays/production",
      "kustomize/overlays/managed", "kustomize/overlays/namespaced", "kustomize/overlays/kubenet");
  private static final Set<String> OPTIONAL_FLAGS = Set.of("--forceNamespaced", "--allow-network-plugin-kubenet=true",
      "--operation-mode=managed", "-v=4");

  @Test
  void everyOverlayIsCheckedHere() {
    assertThat(Renderings.overlays()).containsExactlyInAnyOrderElementsOf(KNOWN);
  }

  @Test
  void baseRunsTwoMicReplicasUnderABudgetWithTheOriginalsFlagsOnly() {
    Rendering base = Renderings.get("kustomize/base");
    Manifest pdb = base.one("PodDisruptionBudget", "mic-pdb");

    assertThat(replicas(base)).isEqualTo(2);
    assertThat(pdb.at("spec", "selector", "matchLabels").entrySet()).hasSize(2);
    assertThat(pdb.at("spec").get("minAvailable").getAsInt()).isEqualTo(1);
    assertThat(args(base, "Deployment", "mic")).doesNotContainAnyElementsOf(OPTIONAL_FLAGS)
        .contains("--cloudconfig=/etc/kubernetes/azure.json");
    assertThat(args(base, "DaemonSet", "nmi")).doesNotContainAnyElementsOf(OPTIONAL_FLAGS);
    assertThat(base.one("AzurePodIdentityException", "aks-addon-exception").namespace()).hasValue("kube-system");
    assertThat(base.one("AzurePodIdentityException", "mic-exception").namespace()).hasValue("default");
    assertThat(base.one("Deployment", "mic").container("mic").get("image").getAsString())
        .isEqualTo("podidentity/mic:0.1.0");
  }

  @Test
  void devRunsOneMicReplicaWithoutBudgetAtDebugLevelOnSmallerResources() {
    Rendering dev = Renderings.get("kustomize/overlays/dev");
    Rendering base = Renderings.get("kustomize/base");

    assertThat(replicas(dev)).isEqualTo(1);
    assertThat(dev.ofKind("PodDisruptionBudget")).as("a budget would block drains with one replica").isEmpty();
    assertThat(args(dev, "Deployment", "mic")).contains("-v=4");
    assertThat(args(dev, "DaemonSet", "nmi")).contains("-v=4");
    for (String[] workload : List.of(new String[] {"Deployment", "mic"}, new String[] {"DaemonSet", "nmi"})) {
      assertThat(memoryLimit(dev, workload)).as(workload[1]).isLessThan(memoryLimit(base, workload));
    }
  }

  @Test
  void productionPinsImagesByDigestAndGivesBothProgramsAPriorityClass() {
    Rendering production = Renderings.get("kustomize/overlays/production");

    assertThat(replicas(production)).isEqualTo(2);
    assertThat(production.ofKind("PodDisruptionBudget")).hasSize(1);
    for (Manifest workload : production.workloads()) {
      String priorityClass = text(workload.podSpec(), "priorityClassName").orElse("");
      assertThat(production.find("PriorityClass", priorityClass)).as(workload + " priority class").isPresent();
      assertThat(workload.containers()).allSatisfy(c -> assertThat(c.get("image").getAsString()).contains("@sha256:"));
    }
    assertThat(object(production.one("Deployment", "mic").podSpec(), "affinity").getAsJsonObject("podAntiAffinity")
        .has("requiredDuringSchedulingIgnoredDuringExecution")).as("replicas on different nodes").isTrue();
  }

  @Test
  void managedRunsOnlyNmiInKubeSystemInManagedNamespacedMode() {
    Rendering managed = Renderings.get("kustomize/overlays/managed");

    assertThat(managed.manifests()).filteredOn(m -> !m.clusterScoped())
        .allSatisfy(m -> assertThat(m.namespace()).as(m.toString()).hasValue("kube-system"));
    assertThat(managed.manifests()).filteredOn(m -> m.name().contains("mic") || m.kind().equals("Deployment"))
        .as("MIC objects").isEmpty();
    assertThat(managed.workloads()).extracting(Manifest::name).containsExactly("nmi");
    assertThat(args(managed, "DaemonSet", "nmi")).contains("--operation-mode=managed", "--forceNamespaced");
    assertThat(objects(managed.one("ClusterRole", "aad-pod-id-nmi-role").json(), "rules"))
        .flatExtracting(rule -> strings(rule, "resources")).doesNotContain("azureassignedidentities")
        .contains("pods", "azureidentities", "azureidentitybindings", "azurepodidentityexceptions");
  }

  @Test
  void namespacedForcesNamespacedMatchingOnBothPrograms() {
    Rendering namespaced = Renderings.get("kustomize/overlays/namespaced");

    assertThat(args(namespaced, "Deployment", "mic")).containsOnlyOnce("--forceNamespaced");
    assertThat(args(namespaced, "DaemonSet", "nmi")).containsOnlyOnce("--forceNamespaced");
  }

  @Test
  void kubenetAllowsTheNetworkPluginOnNmiOnly() {
    Rendering kubenet = Renderings.get("kustomize/overlays/kubenet");

    assertThat(args(kubenet, "DaemonSet", "nmi")).containsOnlyOnce("--allow-network-plugin-kubenet=true");
    assertThat(args(kubenet, "Deployment", "mic")).doesNotContain("--allow-network-plugin-kubenet=true");
  }

  private static int replicas(Rendering rendering) {
    return rendering.one("Deployment", "mic").at("spec").get("replicas").getAsInt();
  }

  private static List<String> args(Rendering rendering, String kind, String name) {
    return strings(rendering.one(kind, name).container(name), "args");
  }

  private static java.math.BigDecimal memoryLimit(Rendering rendering, String[] workload) {
    JsonObject container = rendering.one(workload[0], workload[1]).container(workload[1]);
    return new io.kubernetes.client.custom.Quantity(
        object(object(container, "resources"), "limits").get("memory").getAsString()).getNumber();
  }
}
