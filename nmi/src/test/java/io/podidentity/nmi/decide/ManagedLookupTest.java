package io.podidentity.nmi.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityBinding;
import io.podidentity.common.model.PodRef;
import io.podidentity.common.testing.ModelFixtures;
import io.podidentity.nmi.testing.Pods;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Port of the original's TestGetIdentitiesManagedClient: bindings and identities of the pod's namespace only. */
class ManagedLookupTest {
  private static final PodInfo POD = Pods.running("team-a", "app-0", "10.0.0.5", "app");
  private static final AzureIdentity ID1 = ModelFixtures.userAssigned("team-a", "id1");
  private static final AzureIdentity ID2 = ModelFixtures.userAssigned("team-a", "id2");
  private static final IdentityBinding BIND1 = ModelFixtures.binding("team-a", "b1", "id1", "app");
  private static final IdentityBinding BIND2 = ModelFixtures.binding("team-a", "b2", "id2", "app");

  @Test
  void issuesTheFirstBoundIdentityWhenNoneIsNamed() {
    assertThat(decide(params("", ""), List.of(BIND2, BIND1), List.of(ID2, ID1)))
        .isEqualTo(new TokenDecision.Issue(ID1, "r"));
  }

  @Test
  void issuesTheNamedIdentity() {
    assertThat(decide(params(ID2.clientId().value(), ""), List.of(BIND1, BIND2), List.of(ID1, ID2)))
        .isEqualTo(new TokenDecision.Issue(ID2, "r"));
    assertThat(decide(params("", ID2.resourceId().orElseThrow().toString()), List.of(BIND1, BIND2),
        List.of(ID1, ID2))).isEqualTo(new TokenDecision.Issue(ID2, "r"));
  }

  @Test
  void refusesIdentitiesWithoutABindingSelectingThePod() {
    IdentityBinding other = ModelFixtures.binding("team-a", "b3", "id2", "other-app");
    assertThat(decide(params(ID2.clientId().value(), ""), List.of(BIND1, other), List.of(ID1, ID2)))
        .isEqualTo(new TokenDecision.NotAssigned("no azure identity found for request clientID "
            + ID2.clientId(), Optional.empty()));
  }

  @Test
  void refusesBindingsAndIdentitiesOfOtherNamespaces() {
    IdentityBinding elsewhere = ModelFixtures.binding("team-b", "b1", "id1", "app");
    AzureIdentity foreign = ModelFixtures.userAssigned("team-b", "id1");
    assertThat(decide(params("", ""), List.of(elsewhere), List.of(foreign)))
        .isInstanceOf(TokenDecision.NotAssigned.class);
    assertThat(decide(params("", ""), List.of(BIND1), List.of(foreign)))
        .isInstanceOf(TokenDecision.NotAssigned.class);
  }

  @Test
  void refusesAPodThatIsNotOnThisNode() {
    TokenRequest request = new TokenRequest(TokenRequest.Endpoint.HOST, new PodRef("team-a", "gone"),
        Optional.empty(), params("", ""));
    assertThat(ManagedLookup.lookup(request, new IdentityView.Managed(List.of(BIND1), List.of(ID1), List.of())))
        .isEqualTo(new TokenDecision.NotAssigned(
            "failed to get pod team-a/gone, error: pod team-a/gone doesn't exist", Optional.empty()));
  }

  private static TokenDecision decide(TokenParameters p, List<IdentityBinding> bindings, List<AzureIdentity> ids) {
    return ManagedLookup.lookup(TokenRequest.fromPod(POD, p), new IdentityView.Managed(bindings, ids, List.of()));
  }

  private static TokenParameters params(String clientId, String resourceId) {
    return new TokenParameters("r", clientId, resourceId);
  }
}
