package io.podidentity.nmi.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server_test.go checks: Metadata header, remote address, resource; the host endpoint's header checks. */
class FrontChecksTest {
  private static final TokenParameters OK = new TokenParameters("r", "", "");

  @ParameterizedTest(name = "Metadata: {0}")
  @CsvSource(nullValues = "NULL", value = {"NULL", "false", "True", "TRUE", "' true'", "''"})
  void requiresExactlyTrueWhenTheHeaderIsRequired(String header) {
    assertThat(FrontChecks.podEndpoint(true, header, true, OK)).contains(new TokenDecision.MetadataRequired());
    assertThat(FrontChecks.podEndpoint(false, header, true, OK)).isEmpty();
  }

  @Test
  void checksTheAddressBeforeTheResource() {
    assertThat(FrontChecks.podEndpoint(true, "true", false, new TokenParameters("", "", "")))
        .contains(new TokenDecision.UnknownCaller("request remote address is empty"));
    assertThat(FrontChecks.podEndpoint(true, "true", true, new TokenParameters("", "x", "")))
        .contains(new TokenDecision.Invalid("parameter resource cannot be empty"));
    assertThat(FrontChecks.podEndpoint(true, "true", true, OK)).isEmpty();
  }

  @Test
  void hostEndpointChecksHeadersThenLoopbackThenResource() {
    TokenParameters noResource = new TokenParameters("", "", "");
    assertThat(FrontChecks.hostEndpoint(null, "p", false, noResource))
        .contains(new TokenDecision.Invalid("missing 'podname' and 'podns' from request header"));
    assertThat(FrontChecks.hostEndpoint("ns", " ", false, noResource))
        .contains(new TokenDecision.Invalid("missing 'podname' and 'podns' from request header"));
    assertThat(FrontChecks.hostEndpoint("ns", "p", false, noResource))
        .contains(new TokenDecision.UnknownCaller("request remote address is not from a host"));
    assertThat(FrontChecks.hostEndpoint("ns", "p", true, noResource))
        .contains(new TokenDecision.Invalid("parameter resource cannot be empty"));
    assertThat(FrontChecks.hostEndpoint("ns", "p", true, OK)).isEqualTo(Optional.empty());
  }

  @Test
  void attributesAnAddressToExactlyOneRunningOrPendingPodOfItsOwnNetwork() {
    PodInfo running = io.podidentity.nmi.testing.Pods.running("a", "p1", "10.0.0.5", "x");
    PodInfo succeeded = new PodInfo(new io.podidentity.common.model.PodRef("a", "p0"), java.util.Map.of(), "",
        "Succeeded", false, List.of("10.0.0.5"));
    PodInfo host = new PodInfo(new io.podidentity.common.model.PodRef("a", "h"), java.util.Map.of(), "", "Running",
        true, List.of("10.0.0.5"));
    assertThat(CallerLookup.match("10.0.0.5", List.of(succeeded, running, host)))
        .isEqualTo(new CallerLookup.Found(running));
    assertThat(CallerLookup.match("10.0.0.5", List.of(succeeded, host)))
        .isEqualTo(new CallerLookup.Unknown("pod list is empty"));
    PodInfo twin = io.podidentity.nmi.testing.Pods.running("b", "p2", "10.0.0.5", "x");
    assertThat(CallerLookup.match("10.0.0.5", List.of(running, twin)))
        .isEqualTo(new CallerLookup.Unknown("failed to match pod IP 10.0.0.5 with [a/p1, b/p2]"));
  }
}
