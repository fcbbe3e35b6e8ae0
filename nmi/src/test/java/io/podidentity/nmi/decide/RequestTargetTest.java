package io.podidentity.nmi.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.Mapped;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

  @Test
  void keepsTheRawFormForForwardingAndDecodesForRouting() {
    Mapped<RequestTarget> checked = RequestTarget.check("/metadata/inst%61nce", "api-version=2021-02-01&x=%2F", false);
    assertThat(checked).isEqualTo(Mapped.valid(
        new RequestTarget("/metadata/inst%61nce", "/metadata/instance", "api-version=2021-02-01&x=%2F")));
    RequestTarget target = ((Mapped.Valid<RequestTarget>) checked).value();
    assertThat(target.forwardTarget()).isEqualTo("/metadata/inst%61nce?api-version=2021-02-01&x=%2F");
  }

  @Test
  void forwardsAPathWithoutQueryAsIs() {
    RequestTarget target = ((Mapped.Valid<RequestTarget>) RequestTarget.check("/doesnotexist", "", false)).value();
    assertThat(target.forwardTarget()).isEqualTo("/doesnotexist");
  }

  @Test
  void refusesFragmentsAndBadQueries() {
    assertThat(RequestTarget.check("/x", "", true)).isInstanceOf(Mapped.Rejected.class);
    assertThat(RequestTarget.check("/x", "a=b c", false)).isInstanceOf(Mapped.Rejected.class);
    assertThat(RequestTarget.check("/x", "a=\u00e9", false)).isInstanceOf(Mapped.Rejected.class);
  }

  @Test
  void namesTheReasonForLogs() {
    assertThat(RequestTarget.check("/a\\b", "", false))
        .isEqualTo(Mapped.rejected("a backslash in the path"));
    assertThat(RequestTarget.check("/a/%2E%2E/b", "", false))
        .isEqualTo(Mapped.rejected("an escaped separator, dot or special character in the path"));
  }
}
