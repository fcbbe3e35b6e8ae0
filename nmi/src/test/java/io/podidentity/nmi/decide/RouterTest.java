package io.podidentity.nmi.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.common.model.Mapped;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The original's router table (server_test.go) plus the stricter target checks, on raw request targets. */
class RouterTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /metadata/identity/oauth2/token                     | TOKEN
      /metadata/identity/oauth2/token/                    | TOKEN
      /Metadata/identity/oauth2/token                     | TOKEN
      /METADATA/identity/oauth2/token/                    | TOKEN
      /metadata/identity/oauth2/tokenish                  | TOKEN
      /metadata/identity/oauth2/tok%65n                   | TOKEN
      /metadata/Identity/oauth2/token                     | PROXY
      /metadata/Identity/oauth2/token/                    | PROXY
      /metadata/identity\\oauth2\\token                   | INVALID_TARGET
      /metadata/identity\\oauth2\\token/                  | INVALID_TARGET
      /metadata\\identity\\oauth2\\token                  | INVALID_TARGET
      /metadata/identity/oauth2\\token                    | INVALID_TARGET
      /metadata/identity\\oauth2/token                    | INVALID_TARGET
      /metadata/identity/oauth2/../oauth2/token           | INVALID_TARGET
      /metadata/./identity/oauth2/token                   | INVALID_TARGET
      /x/../metadata/identity/oauth2/token                | INVALID_TARGET
      /metadata//identity/oauth2/token                    | INVALID_TARGET
      //metadata/identity/oauth2/token                    | INVALID_TARGET
      /metadata/identity%2foauth2%2ftoken                 | INVALID_TARGET
      /metadata/identity%2Foauth2/token                   | INVALID_TARGET
      /metadata/identity%5coauth2%5Ctoken                 | INVALID_TARGET
      /metadata/identity/oauth2/%2e%2e/oauth2/token       | INVALID_TARGET
      /metadata/identity/oauth2/%2E/token                 | INVALID_TARGET
      /metadata/identity/oauth2/%252e%252e/token          | INVALID_TARGET
      /metadata/identity/oauth2/tok%zzn                   | INVALID_TARGET
      /metadata/identity/oauth2/token%                    | INVALID_TARGET
      /metadata/identity/x/oauth2/token                   | INVALID_TOKEN_PATH
      /metadata/identity/oauth2token                      | INVALID_TOKEN_PATH
      /metadata/identity/OAuth2/Token                     | INVALID_TOKEN_PATH
      /foo/METADATA/identity/oauth2/TOKEN                 | INVALID_TOKEN_PATH
      /metadata/identity;x/oauth2/token                   | INVALID_TOKEN_PATH
      /host/token                                         | HOST_TOKEN
      /host/token/                                        | HOST_TOKEN
      /metadata/instance                                  | INSTANCE_BLOCKED
      /metadata/instance/                                 | INSTANCE_BLOCKED
      /Metadata/instance/compute                          | INSTANCE_BLOCKED
      /metadata/scheduledevents                           | PROXY
      /doesnotexist                                       | PROXY
      /                                                   | PROXY
      """)
  void routesRawTargetsAsTheOriginalWithStricterChecks(String rawPath, Route expected) {
    assertThat(route(rawPath, true)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"/metadata/instance", "/Metadata/instance/", "/metadata/instance/compute?api-version=2021-02-01"})
  void passesInstanceMetadataThroughUnlessBlocked(String target) {
    String path = target.split("\\?")[0];
    assertThat(route(path, false)).isEqualTo(Route.PROXY);
  }

  @ParameterizedTest
  @CsvSource({"http://example.com/metadata/identity/oauth2/token", "*", "metadata/instance", "''"})
  void refusesTargetsNotInOriginForm(String rawPath) {
    assertThat(route(rawPath, false)).isEqualTo(Route.INVALID_TARGET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metadata/ident\u00fcty", "/metadata/\u0001", "/sp ace", "/del\u007f", "/tab\t"})
  void refusesControlSpaceAndNonAsciiCharacters(String rawPath) {
    assertThat(route(rawPath, false)).isEqualTo(Route.INVALID_TARGET);
  }

  private static Route route(String rawPath, boolean block) {
    return switch (RequestTarget.check(rawPath, "", false)) {
      case Mapped.Valid<RequestTarget>(RequestTarget target) -> Router.route(target, block);
      case Mapped.Rejected<RequestTarget> rejected -> Route.INVALID_TARGET;
    };
  }
}
