package io.podidentity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.podidentity.common.crd.CrdSchemaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendering (the plain k8s/ manifests, kustomize/base and each overlay) yields objects the API server
 * accepts and that keep to our rules: custom resources valid against the CRDs, locked-down workloads, narrow and
 * well-formed RBAC, and each program's configuration taken from src-config/.
 */
class RenderedObjectsTest {

  static Stream<String> renderings() {
    return Renderings.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void everyNamespacedObjectNamesItsNamespace(String name) {
    List<Manifest> withoutNamespace = Renderings.get(name).manifests().stream()
        .filter(m -> !m.clusterScoped() && m.namespace().isEmpty())
        .toList();

    assertThat(withoutNamespace).as("objects that would land in kubectl's current namespace").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void noObjectIsRenderedTwice(String name) {
    Map<String, Long> counts = Renderings.get(name).manifests().stream()
        .collect(Collectors.groupingBy(Manifest::toString, Collectors.counting()));

    assertThat(counts).allSatisfy((object, count) -> assertThat(count).as(object).isEqualTo(1L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void customResourcesValidateAgainstTheirCrds(String name) {
    List<String> problems = new ArrayList<>();
    for (Manifest m : Renderings.get(name).manifests()) {
      if (m.group().equals("aadpodidentity.k8s.io")) {
        assertThat(CrdSchemaCheck.kinds()).as(m.toString()).contains(m.kind());
        CrdSchemaCheck.problems(m.kind(), m.json()).forEach(p -> problems.add(m + ": " + p));
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void crdsAreTheOnesInK8sCrds(String name) {
    Map<String, JsonObject> definitions = CrdSchemaCheck.definitions();
    List<Manifest> crds = Renderings.get(name).ofKind("CustomResourceDefinition");

    assertThat(crds).extracting(Manifest::name).containsExactlyInAnyOrder(
        "azureidentities.aadpodidentity.k8s.io", "azureidentitybindings.aadpodidentity.k8s.io",
        "azureassignedidentities.aadpodidentity.k8s.io", "azurepodidentityexceptions.aadpodidentity.k8s.io");
    for (Manifest crd : crds) {
      String kind = crd.at("spec", "names").get("kind").getAsString();
      assertThat(crd.json().get("spec")).as(crd.toString()).isEqualTo(definitions.get(kind).get("spec"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void workloadsAreLockedDown(String name) {
    Rendering rendering = Renderings.get(name);

    assertThat(rendering.workloads()).isNotEmpty();
    assertThat(rendering.workloads().stream().flatMap(w -> WorkloadRules.check(w, rendering).stream()))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void micAndNmiKeepTheOriginalsShapeAndProbes(String name) {
    Rendering rendering = Renderings.get(name);
    List<String> problems = new ArrayList<>();
    rendering.find("Deployment", "mic").ifPresent(mic -> problems.addAll(ProgramRules.mic(mic)));
    rendering.find("DaemonSet", "nmi").ifPresent(nmi -> problems.addAll(ProgramRules.nmi(nmi)));

    assertThat(rendering.find("DaemonSet", "nmi")).as("every rendering runs NMI").isPresent();
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void rbacIsWellFormedAndNarrow(String name) {
    Rendering rendering = Renderings.get(name);
    List<String> problems = new ArrayList<>();
    for (Manifest m : rendering.manifests()) {
      switch (m.kind()) {
        case "Role", "ClusterRole" -> problems.addAll(RbacRules.role(m));
        case "RoleBinding", "ClusterRoleBinding" -> problems.addAll(RbacRules.binding(m, rendering));
        default -> { }
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void eachProgramReadsItsConfigurationFromSrcConfig(String name) throws IOException {
    Rendering rendering = Renderings.get(name);
    for (Manifest workload : rendering.workloads()) {
      String program = workload.name();
      if (!program.equals("mic") && !program.equals("nmi")) {
        continue;
      }
      JsonObject volume = ProgramRules.configVolume(workload, workload.container(program));
      String configMap = volume.get("name").getAsString();
      if (name.equals(Renderings.PLAIN)) {
        assertThat(volume.get("optional").getAsBoolean()).as(workload + " runs without the ConfigMap").isTrue();
        continue;
      }
      Manifest generated = rendering.manifests().stream()
          .filter(m -> m.kind().equals("ConfigMap") && m.name().equals(configMap))
          .findFirst()
          .orElseThrow(() -> new AssertionError(workload + " mounts ConfigMap " + configMap + ", not rendered"));
      String file = program + ".properties";

      assertThat(generated.namespace()).isEqualTo(workload.namespace());
      assertThat(generated.json().getAsJsonObject("data").keySet()).containsExactly(file);
      assertThat(generated.json().getAsJsonObject("data").get(file).getAsString())
          .isEqualTo(Files.readString(Kustomize.repositoryRoot().resolve("src-config").resolve(file)));
    }
  }
}
