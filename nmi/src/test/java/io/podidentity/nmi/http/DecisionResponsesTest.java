package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.nmi.decide.TokenDecision;
import io.podidentity.nmi.token.IssuedToken;
import io.podidentity.nmi.token.TokenOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The §3.4 table: each decision and outcome, its status, headers and body. */
class DecisionResponsesTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
  private static final IssuedToken TOKEN = new IssuedToken("eyJ0.a.b", "", NOW.minusSeconds(60),
      NOW.plusSeconds(3600), NOW.minusSeconds(60), "https://vault.azure.net", "Bearer");

  @Test
  void answersDecisionsAsTheOriginal() {
    assertAnswer(DecisionResponses.of(new TokenDecision.MetadataRequired()), 400,
        "application/json; charset=utf-8",
        "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not specified\"}\n");
    assertAnswer(DecisionResponses.of(new TokenDecision.Invalid("parameter resource cannot be empty")), 400,
        "text/plain; charset=utf-8", "parameter resource cannot be empty\n");
    assertAnswer(DecisionResponses.of(new TokenDecision.UnknownCaller("pod list is empty")), 500,
        "text/plain; charset=utf-8", "pod list is empty\n");
    assertAnswer(DecisionResponses.of(new TokenDecision.NotAssigned("no azure identity", Optional.empty())), 404,
        "text/plain; charset=utf-8", "no azure identity\n");
    Answer retry = DecisionResponses.of(new TokenDecision.NotAssigned("m", Optional.of(Duration.ofSeconds(20))));
    assertAnswer(retry, 503, "text/plain; charset=utf-8", "m\n");
    assertThat(retry.headers()).containsEntry("Retry-After", "20").containsEntry("X-Content-Type-Options", "nosniff");
  }

  @Test
  void answersTokenOutcomes() {
    assertAnswer(DecisionResponses.of(new TokenOutcome.Issued(List.of(TOKEN)), DecisionResponses.Shape.POD, "c", NOW),
        200, "application/json", "{\"access_token\":\"eyJ0.a.b\",\"refresh_token\":\"\",\"expires_in\":\"3600\","
            + "\"expires_on\":\"1700003600\",\"not_before\":\"1699999940\",\"resource\":\"https://vault.azure.net\","
            + "\"token_type\":\"Bearer\"}");
    assertThat(DecisionResponses.of(new TokenOutcome.Refused("x"), DecisionResponses.Shape.POD, "c", NOW).status())
        .isEqualTo(403);
    assertThat(DecisionResponses.of(new TokenOutcome.Unavailable("x"), DecisionResponses.Shape.POD, "c", NOW)
        .status()).isEqualTo(503);
    assertThat(DecisionResponses.of(new TokenOutcome.Unavailable("x"), DecisionResponses.Shape.NODE, "c", NOW)
        .status()).isEqualTo(403);
    Answer busy = DecisionResponses.of(new TokenOutcome.Busy("full"), DecisionResponses.Shape.POD, "c", NOW);
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.headers()).containsEntry("Retry-After", "1");
  }

  @Test
  void writesAnArrayForSeveralTenantsAndWrapsTheHostAnswer() {
    String array = body(DecisionResponses.of(new TokenOutcome.Issued(List.of(TOKEN, TOKEN)),
        DecisionResponses.Shape.POD, "c", NOW));
    assertThat(array).startsWith("[{\"access_token\"").endsWith("}]").contains("},{");
    String host = body(DecisionResponses.of(new TokenOutcome.Issued(List.of(TOKEN, TOKEN)),
        DecisionResponses.Shape.HOST, "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56", NOW));
    assertThat(host).startsWith("{\"token\":{\"access_token\":\"eyJ0.a.b\"")
        .endsWith("},\"clientid\":\"8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56\"}");
  }

  @Test
  void escapesStringsAsGo() {
    StringBuilder out = new StringBuilder();
    TokenJson.string(out, "a&b<c>\"\\\n\u2028\u0001");
    assertThat(out).hasToString("\"a\\u0026b\\u003cc\\u003e\\\"\\\\\\n\\u2028\\u0001\"");
  }

  @Test
  void countsExpiresInFromNowForCachedTokens() {
    assertThat(body(DecisionResponses.of(new TokenOutcome.Issued(List.of(TOKEN)), DecisionResponses.Shape.POD, "c",
        NOW.plusSeconds(600)))).contains("\"expires_in\":\"3000\"");
  }

  private static void assertAnswer(Answer answer, int status, String contentType, String body) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.headers()).containsEntry("Content-Type", contentType);
    assertThat(body(answer)).isEqualTo(body);
  }

  private static String body(Answer answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }

}
