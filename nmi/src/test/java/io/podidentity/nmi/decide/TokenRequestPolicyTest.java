package io.podidentity.nmi.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.ObjectRef;
import io.podidentity.common.model.PodIdentityException;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.testing.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenRequestPolicyTest {
  private static final TokenParameters PARAMS = new TokenParameters("r", "c", "");
  private static final PolicySettings STANDARD =
      new PolicySettings(PolicySettings.Mode.STANDARD, false, "kube-system", 0, 0, Duration.ofSeconds(5), false);

  @ParameterizedTest(name = "exception {0}={1}, pod label {2}={3}, pod ns {4} -> excepted {5}")
  @CsvSource({
      "thispod, shouldexcept, thispod, shouldexcept, team-a, true",
      "thispod, shouldexcept, thispod, SHOULDEXCEPT, team-a, true",
      "thispod, shouldexcept, thispod, other, team-a, false",
      "thispod, shouldexcept, otherkey, shouldexcept, team-a, false",
      "thispod, shouldexcept, thispod, shouldexcept, team-b, false"})
  void exceptsPodsByLabelInTheirOwnNamespaceOnly(String key, String value, String podKey, String podValue,
      String podNamespace, boolean excepted) {
    PodIdentityException exception = new PodIdentityException(new ObjectRef("team-a", "e"), Map.of(key, value));
    PodInfo pod = Pods.withLabels(podNamespace, "p", "10.0.0.5", Map.of(podKey, podValue), "");
    Verdict verdict = TokenRequestPolicy.decide(TokenRequest.fromPod(pod, PARAMS),
        new IdentityView.Standard(List.of(), List.of(exception)), 0, STANDARD);
    assertThat(verdict instanceof TokenDecision.IssueNodeToken).isEqualTo(excepted);
  }

  @ParameterizedTest(name = "pod ns {0}, replica set {1} -> MIC {2}")
  @CsvSource({"kube-system, mic-7d9f8c, true", "KUBE-SYSTEM, mic-7d9f8c, true", "kube-system, micro-x, true",
      "kube-system, aad-pod-identity-mic-1, false", "default, mic-7d9f8c, false", "kube-system, '', false"})
  void shortCircuitsMicByNamespaceAndReplicaSetPrefix(String namespace, String replicaSet, boolean mic) {
    PodInfo pod = Pods.withLabels(namespace, "mic-7d9f8c-abcde", "10.0.0.9", Map.of(), replicaSet);
    Verdict verdict = TokenRequestPolicy.decide(TokenRequest.fromPod(pod, PARAMS),
        new IdentityView.Standard(List.of(), List.of()), 0, STANDARD);
    assertThat(verdict).isEqualTo(mic ? new TokenDecision.IssueNodeToken("c", "r") : notAssignedAfterZeroAttempts(namespace));
  }

  @Test
  void appliesNoExceptionOnTheHostEndpoint() {
    PodInfo pod = Pods.withLabels("kube-system", "mic-1", "10.0.0.9", Map.of(), "mic-1");
    TokenRequest host = new TokenRequest(TokenRequest.Endpoint.HOST, pod.ref(), Optional.of(pod), PARAMS);
    assertThat(TokenRequestPolicy.decide(host, new IdentityView.Standard(List.of(), List.of()), 0, STANDARD))
        .isInstanceOf(TokenDecision.NotAssigned.class);
  }

  @Test
  void answersRetryAfterOnlyOnThePodEndpointWhenConfigured() {
    PolicySettings retryAfter = new PolicySettings(PolicySettings.Mode.STANDARD, false, "default", 0, 0,
        Duration.ofSeconds(1), true);
    PodInfo pod = Pods.running("team-a", "p", "10.0.0.5", "app");
    IdentityView empty = new IdentityView.Standard(List.of(), List.of());
    assertThat(TokenRequestPolicy.decide(TokenRequest.fromPod(pod, PARAMS), empty, 0, retryAfter))
        .extracting(v -> ((TokenDecision.NotAssigned) v).retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(20)));
    TokenRequest host = new TokenRequest(TokenRequest.Endpoint.HOST, pod.ref(), Optional.empty(), PARAMS);
    assertThat(TokenRequestPolicy.decide(host, empty, 0, retryAfter))
        .extracting(v -> ((TokenDecision.NotAssigned) v).retryAfter()).isEqualTo(Optional.empty());
  }

  @Test
  void hostEndpointLooksUpAssignmentsByTheNamedPodWithoutTheCache() {
    AzureIdentity id = ModelFixtures.userAssigned("default", "id1");
    PodInfo pod = Pods.running("team-a", "p", "10.0.0.5", "app");
    TokenRequest host = new TokenRequest(TokenRequest.Endpoint.HOST, new PodRef("team-a", "p"), Optional.empty(),
        new TokenParameters("r", "", ""));
    assertThat(TokenRequestPolicy.decide(host, new IdentityView.Standard(
        List.of(Pods.assigned(pod, id, AssignmentState.ASSIGNED)), List.of()), 0, STANDARD))
        .isEqualTo(new TokenDecision.Issue(id, "r"));
  }

  private static TokenDecision notAssignedAfterZeroAttempts(String namespace) {
    return new TokenDecision.NotAssigned("clientID in request: c, getting assigned identities for pod "
        + namespace + "/mic-7d9f8c-abcde in CREATED state failed after 0 attempts, retry duration [5]s, error: <nil>. "
        + "Check MIC pod logs for identity assignment errors", Optional.empty());
  }
}
