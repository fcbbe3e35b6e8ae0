package io.podidentity.nmi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.nmi.NmiMain;
import io.podidentity.nmi.decide.PolicySettings;
import io.podidentity.runtime.boot.ProgramLauncher;
import io.podidentity.runtime.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's flags and variables land on the keys; bad values are refused at start, naming key and value. */
class NmiConfigurationTest {
  @TempDir Path dir;

  @Test
  void mapsEveryOriginalFlagOntoItsKey() throws IOException {
    Path kubeletConfig = Files.writeString(dir.resolve("kubelet"), "");
    NmiSettings s = settings(ready("--node=aks-1", "--nmi-listen-address=0.0.0.0", "--nmi-port", "3000",
        "--http-probe-port=8086", "--prometheus-port=9091", "--metadata-ip=10.0.0.9", "--metadata-port=8080",
        "--ipt-update-interval-sec=30", "--forceNamespaced", "--MICNamespace=kube-system",
        "--retry-attempts-for-created=2", "--retry-attempts-for-assigned=1", "--find-identity-retry-interval=1",
        "--enableProfile=true", "--enableScaleFeatures=false", "--block-instance-metadata",
        "--metadata-header-required=false", "--operation-mode=MANAGED", "--kubelet-config=" + kubeletConfig,
        "--set-retry-after-header=true", "--enable-conntrack-deletion", "--log-format=json",
        "--custom-user-agent=pi-e2e", "-v=5", "--logtostderr", "--stderrthreshold", "INFO"));
    assertThat(s.node()).isEqualTo("aks-1");
    assertThat(s.listen()).isEqualTo(new NmiSettings.Listen("0.0.0.0", 3000, 8086, 9091));
    assertThat(s.imds().ip()).isEqualTo("10.0.0.9");
    assertThat(s.imds().port()).isEqualTo(8080);
    assertThat(s.rules().updateInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.policy()).isEqualTo(new PolicySettings(PolicySettings.Mode.MANAGED, true, "kube-system", 2, 1,
        Duration.ofSeconds(1), true));
    assertThat(s.http().blockInstanceMetadata()).isTrue();
    assertThat(s.http().metadataHeaderRequired()).isFalse();
    assertThat(s.kubernetes().scaleFeatures()).isFalse();
    assertThat(s.kubernetes().userAgent()).isEqualTo("pi-e2e");
    assertThat(s.rules().conntrackDeletion()).isTrue();
    assertThat(s.rules().kubeletConfig()).isEqualTo(kubeletConfig);
    assertThat(s.log()).isEqualTo(new NmiSettings.Log("json", 5, true));
  }

  @Test
  void keepsTheOriginalsDefaults() {
    NmiSettings s = settings(ready("--node=n", "--allow-network-plugin-kubenet"));
    assertThat(s.policy().mode()).isEqualTo(PolicySettings.Mode.STANDARD);
    assertThat(s.policy().micNamespace()).isEqualTo("default");
    assertThat(s.http().metadataHeaderRequired()).isTrue();
    assertThat(s.kubernetes().scaleFeatures()).isTrue();
    assertThat(s.rules().kubeletConfig()).isEqualTo(Path.of("/etc/default/kubelet"));
    assertThat(s.rules().backend()).isEqualTo("auto");
  }

  @Test
  void takesForceNamespacedFromTheOriginalsVariable() {
    Map<String, String> env = env();
    env.put("FORCENAMESPACED", "true");
    var outcome = ProgramLauncher.prepare(NmiMain.program(), new String[] {"--node=n",
        "--allow-network-plugin-kubenet"}, env);
    assertThat(settings(outcome).policy().forceNamespaced()).isTrue();
  }

  @Test
  void refusesBadValuesNamingKeyAndValue() {
    var outcome = ProgramLauncher.prepare(NmiMain.program(), new String[] {"--node=n",
        "--allow-network-plugin-kubenet", "--nmi-port=http", "--retry-attempts-for-created=-1",
        "--metadata-ip=imds.local", "--operation-mode=server"}, env());
    assertThat(outcome).isInstanceOf(ProgramLauncher.Outcome.Refused.class);
    List<String> problems = ((ProgramLauncher.Outcome.Refused) outcome).problems();
    assertThat(problems).contains(
        "key 'server.port' has value 'http' (from command-line flags): expected a whole number from 0 to 65535",
        "key 'nmi.retry-attempts-for-created' has value '-1' (from command-line flags): expected a whole number "
            + "from 0 to 100000",
        "key 'nmi.metadata-ip' has value 'imds.local': expected an IP address",
        "key 'nmi.operation-mode' has value 'server' (from command-line flags): expected one of [managed, standard]");
  }

  @Test
  void refusesManagedModeWithoutNamespacedWithTheOriginalsMessage() {
    var outcome = ProgramLauncher.prepare(NmiMain.program(), new String[] {"--node=n",
        "--allow-network-plugin-kubenet", "--operation-mode=managed"}, env());
    assertThat(((ProgramLauncher.Outcome.Refused) outcome).problems()).singleElement().asString()
        .contains("managed mode not intialized in force namespaced mode");
  }

  @Test
  void refusesAnEmptyNodeAndUnknownFlags() {
    var outcome = ProgramLauncher.prepare(NmiMain.program(), new String[] {"--node=", "--allow-network-plugin-kubenet"},
        env());
    assertThat(((ProgramLauncher.Outcome.Refused) outcome).problems()).singleElement().asString()
        .startsWith("key 'nmi.node' is empty");
    assertThat(ProgramLauncher.prepare(NmiMain.program(), new String[] {"--host-ip=1.2.3.4"}, env()))
        .isEqualTo(new ProgramLauncher.Outcome.Refused(List.of("unknown flag '--host-ip=1.2.3.4'")));
  }

  @Test
  void refusesToStartOnKubenetUnlessAllowed() throws IOException {
    Path kubelet = Files.writeString(dir.resolve("kubelet"), "KUBELET_FLAGS=--network-plugin=kubenet\n");
    var refused = ProgramLauncher.prepare(NmiMain.program(), new String[] {"--node=n", "--kubelet-config=" + kubelet},
        env());
    assertThat(refused).isEqualTo(new ProgramLauncher.Outcome.Refused(List.of("AAD Pod Identity is not supported "
        + "for Kubenet. Review https://azure.github.io/aad-pod-identity/docs/configure/aad_pod_identity_on_kubenet/ "
        + "for more details.")));
    assertThat(ProgramLauncher.prepare(NmiMain.program(), new String[] {"--node=n", "--kubelet-config=" + kubelet,
        "--allow-network-plugin-kubenet=true"}, env())).isInstanceOf(ProgramLauncher.Outcome.Ready.class);
  }

  @Test
  void skipsTheGuardAndTheNodeForCleanup() {
    var outcome = ProgramLauncher.prepare(NmiMain.program(), new String[] {"--cleanup", "--node=",
        "--kubelet-config=/nonexistent"}, env());
    assertThat(settings(outcome).cleanup()).isTrue();
  }

  @Test
  void acceptsDurationsForFinerWaits() {
    NmiSettings s = settings(ready("--node=n", "--allow-network-plugin-kubenet",
        "--find-identity-retry-interval=500ms"));
    assertThat(s.policy().retryInterval()).isEqualTo(Duration.ofMillis(500));
  }

  private ProgramLauncher.Outcome ready(String... args) {
    ProgramLauncher.Outcome outcome = ProgramLauncher.prepare(NmiMain.program(), args, env());
    assertThat(outcome).isInstanceOf(ProgramLauncher.Outcome.Ready.class);
    return outcome;
  }

  private static NmiSettings settings(ProgramLauncher.Outcome outcome) {
    return NmiSettingsReader.read(((ProgramLauncher.Outcome.Ready) outcome).config());
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put(ConfigSources.CONFIG_DIR_VARIABLE, dir.toString());
    return env;
  }
}
