package io.podidentity.mic.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.mic.MicMain;
import io.podidentity.runtime.boot.ProgramLauncher;
import io.podidentity.runtime.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The original's flags, defaults and environment variables, and start-up refusals that name key and value. */
class MicConfigurationTest {
  @TempDir Path configDir;

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put(ConfigSources.CONFIG_DIR_VARIABLE, configDir.toString());
    env.put("MIC_POD_NAMESPACE", "kube-system");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private MicSettings settings(Map<String, String> env, String... args) {
    ProgramLauncher.Outcome outcome = ProgramLauncher.prepare(MicMain.PROGRAM, args, env);
    assertThat(outcome).isInstanceOf(ProgramLauncher.Outcome.Ready.class);
    Config config = ((ProgramLauncher.Outcome.Ready) outcome).config();
    return MicSettingsReader.read(config);
  }

  private List<String> refusal(Map<String, String> env, String... args) {
    ProgramLauncher.Outcome outcome = ProgramLauncher.prepare(MicMain.PROGRAM, args, env);
    assertThat(outcome).isInstanceOf(ProgramLauncher.Outcome.Refused.class);
    return ((ProgramLauncher.Outcome.Refused) outcome).problems();
  }

  @Test
  void startsWithTheOriginalsDefaults() {
    MicSettings s = settings(env());

    assertThat(s.podNamespace()).isEqualTo("kube-system");
    assertThat(s.forceNamespaced()).isFalse();
    assertThat(s.sync().syncRetryDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(s.sync().reconcileInterval()).isEqualTo(Duration.ofMinutes(3));
    assertThat(s.leaderElection()).isEqualTo(new MicSettings.LeaderElectionSettings("", "default",
        "aad-pod-identity-mic", Duration.ofSeconds(15)));
    assertThat(s.leaderElection().renewDeadline()).isEqualTo(Duration.ofMillis(7500));
    assertThat(s.leaderElection().retryPeriod()).isEqualTo(Duration.ofMillis(3750));
    assertThat(s.kubernetes().createDeleteBatch()).isEqualTo(20);
    assertThat(s.arm().updateMaxRetry()).isEqualTo(2);
    assertThat(s.arm().updateRetryInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.typeUpgrade()).isEqualTo(new MicSettings.TypeUpgradeSettings(true, "aad-pod-identity-config",
        "type-upgrade-status"));
    assertThat(s.log().format()).isEqualTo("text");
    assertThat(s.immutableUserMsis()).isEmpty();
    assertThat(s.azure().cloudConfig()).isEmpty();
  }

  static Stream<Arguments> flags() {
    return Stream.of(
        Arguments.of("--forceNamespaced", "mic.force-namespaced", "true"),
        Arguments.of("--syncRetryDuration=30s", "mic.sync-retry-duration", "30s"),
        Arguments.of("--leader-election-instance=mic-a", "mic.leader-election-instance", "mic-a"),
        Arguments.of("--leader-election-namespace=kube-system", "mic.leader-election-namespace", "kube-system"),
        Arguments.of("--leader-election-name=lock", "mic.leader-election-name", "lock"),
        Arguments.of("--leader-election-duration=20s", "mic.leader-election-duration", "20s"),
        Arguments.of("--http-probe-port=9080", "server.port", "9080"),
        Arguments.of("--prometheus-port=9888", "server.sockets.0.port", "9888"),
        Arguments.of("--createDeleteBatch=5", "mic.create-delete-batch", "5"),
        Arguments.of("--clientQps=7", "mic.client-qps", "7"),
        Arguments.of("--immutable-user-msis=a,b", "mic.immutable-user-msis", "a,b"),
        Arguments.of("--config-map-name=cm", "mic.config-map-name", "cm"),
        Arguments.of("--type-upgrade-status-key=k", "mic.type-upgrade-status-key", "k"),
        Arguments.of("--enable-type-upgrade=false", "mic.enable-type-upgrade", "false"),
        Arguments.of("--update-user-msi-max-retry=4", "mic.update-user-msi-max-retry", "4"),
        Arguments.of("--update-user-msi-retry-interval=2s", "mic.update-user-msi-retry-interval", "2s"),
        Arguments.of("--identity-assignment-reconcile-interval=2m", "mic.identity-assignment-reconcile-interval",
            "2m"),
        Arguments.of("--log-format=json", "mic.log-format", "json"),
        Arguments.of("--custom-user-agent=pi-e2e", "mic.custom-user-agent", "pi-e2e"),
        Arguments.of("-v=5", "mic.log-verbosity", "5"),
        Arguments.of("--enableScaleFeatures=true", "mic.enable-scale-features", "true"),
        Arguments.of("--enableProfile", "mic.enable-profile", "true"));
  }

  @ParameterizedTest(name = "{0} sets {1}")
  @MethodSource("flags")
  void acceptsTheOriginalsFlags(String flag, String key, String value) {
    ProgramLauncher.Outcome outcome = ProgramLauncher.prepare(MicMain.PROGRAM, new String[] {flag}, env());

    assertThat(outcome).isInstanceOf(ProgramLauncher.Outcome.Ready.class);
    assertThat(((ProgramLauncher.Outcome.Ready) outcome).config().getValue(key, String.class)).isEqualTo(value);
  }

  @Test
  void acceptsAndIgnoresKlogsOtherFlags() {
    MicSettings s = settings(env(), "--logtostderr", "--alsologtostderr=false", "--log_dir", "/tmp", "--v=3",
        "--stderrthreshold=2");

    assertThat(s.log().verbosity()).isEqualTo(3);
  }

  @Test
  void readsTheOriginalsEnvironmentVariables() {
    MicSettings s = settings(env("FORCENAMESPACED", "true", "CLOUD", "AzureStackCloud", "TENANT_ID", "t",
        "CLIENT_ID", "c", "CLIENT_SECRET", "s", "SUBSCRIPTION_ID", "sub", "RESOURCE_GROUP", "rg", "VM_TYPE", "vmss",
        "USE_MSI", "True", "USER_ASSIGNED_MSI_CLIENT_ID", "u"));

    assertThat(s.forceNamespaced()).isTrue();
    assertThat(s.azure().fromEnvironment()).isEqualTo(new io.podidentity.mic.azure.AzureConfig("AzureStackCloud",
        "t", "c", "s", "sub", "rg", "vmss", true, "u"));
    assertThat(s.azure().fromEnvironment().toString()).doesNotContain("=s,").doesNotContain("secret");
  }

  @Test
  void refusesToStartWithoutItsNamespace() {
    Map<String, String> env = env();
    env.remove("MIC_POD_NAMESPACE");

    assertThat(refusal(env)).singleElement().asString().contains("mic.pod-namespace").contains("MIC_POD_NAMESPACE");
  }

  @Test
  void namesEveryBadKeyAndValueAtOnce() {
    List<String> problems = refusal(env(), "--createDeleteBatch=0", "--log-format=xml", "--syncRetryDuration=soon",
        "--cloudconfig=/nonexistent/azure.json", "--clientQps=fast");

    assertThat(problems).containsExactlyInAnyOrder(
        "key 'mic.create-delete-batch' has value '0' (from command-line flags): expected a whole number from 1 to "
            + "10000",
        "key 'mic.log-format' has value 'xml' (from command-line flags): expected one of [json, text]",
        "key 'mic.sync-retry-duration' has value 'soon' (from command-line flags): expected a duration of at least "
            + "10ms (like 15s, 3m, 1h30m)",
        "key 'mic.cloudconfig' has value '/nonexistent/azure.json': no such file",
        "key 'mic.client-qps' has value 'fast' (from command-line flags): expected a number from 0.1 to 1000000.0");
  }

  @Test
  void refusesUnknownFlags() {
    assertThat(refusal(env(), "--no-such-flag=1")).containsExactly("unknown flag '--no-such-flag=1'");
  }
}
