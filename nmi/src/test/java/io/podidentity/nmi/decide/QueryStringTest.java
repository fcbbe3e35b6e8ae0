package io.podidentity.nmi.decide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's url.ParseQuery semantics, which decided what the original read from a request. */
class QueryStringTest {

  @ParameterizedTest(name = "{0}: {1}={2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      resource=https%3A%2F%2Fvault.azure.net             | resource  | https://vault.azure.net
      resource=a+b                                       | resource  | a b
      resource=first&resource=second                     | resource  | first
      api-version=2018-02-01&resource=r                  | resource  | r
      resource                                           | resource  | ''
      resource=%zz&resource=ok                           | resource  | ok
      resource=x;y&resource=ok                           | resource  | ok
      client_id=abc&                                     | client_id | abc
      ''                                                 | resource  | ''
      NULL                                               | resource  | ''
      a=%E2%82%AC                                        | a         | \u20ac
      """)
  void readsTheFirstValidValueOfAName(String raw, String name, String expected) {
    assertThat(QueryString.parse(raw).get(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      resource=r&client_id=c&msi_res_id=m&mi_res_id=n   | r | c | m
      resource=r&mi_res_id=n                            | r | '' | n
      resource=r&msi_res_id=&mi_res_id=n                | r | '' | n
      object_id=o&principal_id=p                        | '' | '' | ''
      """)
  void takesTheOriginalsParameters(String raw, String resource, String clientId, String resourceId) {
    assertThat(TokenParameters.of(QueryString.parse(raw)))
        .isEqualTo(new TokenParameters(resource, clientId, resourceId));
  }
}
