package io.podidentity.nmi.decide;

import static io.podidentity.common.model.AssignmentState.ASSIGNED;
import static io.podidentity.common.model.AssignmentState.CREATED;
import static io.podidentity.common.model.AssignmentState.LEGACY_UNSET;
import static io.podidentity.common.model.AssignmentState.UNASSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.testing.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Port of the original's TestGetIdentitiesStandardClient table, plus its wait budget as attempt numbers. */
class StandardLookupTest {
  private static final PodInfo POD = Pods.running("team-a", "app-0", "10.0.0.5", "app");
  private static final AzureIdentity ID1 = ModelFixtures.userAssigned("default", "id1");
  private static final AzureIdentity ID2 = ModelFixtures.userAssigned("default", "id2");
  private static final PolicySettings SETTINGS =
      new PolicySettings(PolicySettings.Mode.STANDARD, false, "default", 2, 1, Duration.ofSeconds(5), false);

  @Test
  void waitsWhileThePodHasNoAssignedIdentityThenFailsAfterTheCreatedBudget() {
    assertThat(decide(any(), List.of(), 0)).isEqualTo(new Verdict.Waiting(0));
    assertThat(decide(any(), List.of(), 1)).isEqualTo(new Verdict.Waiting(1));
    assertThat(decide(any(), List.of(), 2)).isEqualTo(notAssigned("getting assigned identities for pod team-a/app-0 "
        + "in CREATED state failed after 2 attempts, retry duration [5]s, error: <nil>. Check MIC pod logs for "
        + "identity assignment errors"));
  }

  @Test
  void keepsWaitingWhileAnIdentityIsOnlyCreatedThenFailsAfterAllAttempts() {
    List<AssignedIdentity> created = List.of(Pods.assigned(POD, ID1, CREATED));
    assertThat(decide(any(), created, 2)).isEqualTo(new Verdict.Waiting(2));
    assertThat(decide(any(), created, 3)).isEqualTo(notAssigned("getting assigned identities for pod team-a/app-0 "
        + "in ASSIGNED state failed after 3 attempts, retry duration [5]s, error: <nil>. Check MIC pod logs for "
        + "identity assignment errors"));
  }

  @Test
  void issuesTheAssignedIdentity() {
    assertThat(decide(any(), List.of(Pods.assigned(POD, ID1, ASSIGNED)), 0)).isEqualTo(issue(ID1));
  }

  @Test
  void treatsAssignedIdentitiesWithoutStatusAsAssigned() {
    assertThat(decide(any(), List.of(Pods.assigned(POD, ID1, LEGACY_UNSET)), 0)).isEqualTo(issue(ID1));
  }

  @Test
  void prefersLegacyOverAssignedAsTheOriginalDoes() {
    List<AssignedIdentity> both = List.of(Pods.assigned(POD, ID2, ASSIGNED), Pods.assigned(POD, ID1, LEGACY_UNSET));
    assertThat(decide(any(), both, 0)).isEqualTo(issue(ID1));
  }

  @Test
  void ignoresUnassignedIdentities() {
    assertThat(decide(any(), List.of(Pods.assigned(POD, ID1, UNASSIGNED)), 0)).isEqualTo(new Verdict.Waiting(0));
  }

  @Test
  void findsTheRequestedIdentityByClientIdOrResourceIdInAnyLetterCase() {
    List<AssignedIdentity> two = List.of(Pods.assigned(POD, ID1, ASSIGNED), Pods.assigned(POD, ID2, ASSIGNED));
    String clientId = ID2.clientId().value().toUpperCase(Locale.ROOT);
    assertThat(decide(new TokenParameters("r", clientId, ""), two, 0)).isEqualTo(issue(ID2));
    String resourceId = ID2.resourceId().orElseThrow().toString().toLowerCase(Locale.ROOT);
    assertThat(decide(new TokenParameters("r", "", resourceId), two, 0)).isEqualTo(issue(ID2));
  }

  @Test
  void waitsForARequestedIdentityThatIsNotAssignedToThePodThenRefusesIt() {
    List<AssignedIdentity> one = List.of(Pods.assigned(POD, ID1, ASSIGNED));
    TokenParameters other = new TokenParameters("r", ID2.clientId().value(), "");
    assertThat(decide(other, one, 0)).isEqualTo(new Verdict.Waiting(0));
    assertThat(decide(other, one, 2)).isInstanceOf(TokenDecision.NotAssigned.class)
        .extracting(v -> ((TokenDecision.NotAssigned) v).message()).asString()
        .startsWith("clientID in request: " + ID2.clientId() + ", getting assigned identities for pod team-a/app-0 "
            + "in CREATED state failed after 2 attempts");
  }

  @Test
  void neverLooksAtAnotherPodsAssignments() {
    PodInfo other = Pods.running("team-a", "app-1", "10.0.0.6", "app");
    List<AssignedIdentity> theirs = List.of(Pods.assigned(other, ID1, ASSIGNED));
    assertThat(decide(any(), theirs, 5)).isInstanceOf(TokenDecision.NotAssigned.class);
  }

  @Test
  void dropsIdentitiesOfAnotherNamespaceInNamespacedMode() {
    List<AssignedIdentity> one = List.of(Pods.assigned(POD, ID1, ASSIGNED));
    PolicySettings namespaced = new PolicySettings(PolicySettings.Mode.STANDARD, true, "default", 2, 1,
        Duration.ofSeconds(5), false);
    assertThat(StandardLookup.lookup(POD.ref(), any(), one, 0, namespaced))
        .isEqualTo(notAssigned("no azure identity found for request clientID "));
    AzureIdentity sameNamespace = ModelFixtures.userAssigned("team-a", "id3");
    assertThat(StandardLookup.lookup(POD.ref(), any(), List.of(Pods.assigned(POD, sameNamespace, ASSIGNED)), 0,
        namespaced)).isEqualTo(issue(sameNamespace));
  }

  @Test
  void honoursTheNamespacedAnnotationOfAnIdentity() {
    AzureIdentity annotated = ModelFixtures.namespacedUserAssigned("default", "id4");
    assertThat(decide(any(), List.of(Pods.assigned(POD, annotated, ASSIGNED)), 0))
        .isInstanceOf(TokenDecision.NotAssigned.class);
  }

  private static Verdict decide(TokenParameters parameters, List<AssignedIdentity> assigned, int attempt) {
    return StandardLookup.lookup(POD.ref(), parameters, assigned, attempt, SETTINGS);
  }

  private static TokenParameters any() {
    return new TokenParameters("r", "", "");
  }

  private static TokenDecision issue(AzureIdentity identity) {
    return new TokenDecision.Issue(identity, "r");
  }

  private static TokenDecision notAssigned(String message) {
    return new TokenDecision.NotAssigned(message, Optional.empty());
  }
}
