package io.podidentity.nmi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
import io.podidentity.nmi.testing.RawHttp;
import io.podidentity.nmi.testing.RawUpstream;
import io.podidentity.nmi.testing.NmiComponentTest;
import io.podidentity.nmi.testing.TestWorld;
import io.podidentity.runtime.config.MapConfigSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw request targets, written byte for byte (HTTP clients would normalise them): every path that could reach IMDS's
 * token path unvalidated is refused with 400 {@code Invalid request}, and a fixed-seed fuzz of dangerous pieces
 * proves that nothing token-like is ever forwarded. The upstream records raw request lines, so nothing is hidden
 * by an HTTP library refusing a strange target.
 */
@NmiComponentTest
@AddConfig(key = "nmi.pod-lookup-retries", value = "0")
class RawTargetTest {
  private static final RawUpstream UPSTREAM = new RawUpstream();
  private static final Pattern TOKEN_LIKE =
      Pattern.compile("/(?i:metadata)/identity.*(?i:oauth2).*(?i:token)");
  private static final String[] PIECES = {"/", "//", "\\", "metadata", "Metadata", "METADATA", "identity", "Identity",
      "oauth2", "OAuth2", "token", "TOKEN", ".", "..", "%2f", "%2F", "%5c", "%5C", "%2e", "%2E", "%252f", "%25",
      "%", ";", "?", "#", "%00", "%20", " ", "\t", "host", "instance", "%74oken", "tok%65n", "~", "-", "_", "a"};

  @AddConfigSource
  static ConfigSource upstream() {
    return new MapConfigSource("raw upstream", Map.of("nmi.metadata-ip", "127.0.0.1", "nmi.metadata-port",
        Integer.toString(UPSTREAM.port())), 960);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/metadata/identity\\oauth2\\token/", "/metadata/identity\\oauth2\\token", "/metadata\\identity\\oauth2\\token",
      "/metadata/identity/oauth2\\token/", "/Metadata/identity\\oauth2/token", "/metadata/identity%2foauth2%2ftoken",
      "/metadata/identity%2Foauth2/token", "/metadata/identity%5coauth2%5ctoken", "/metadata/identity/oauth2/%2e",
      "/metadata/identity/%2E%2E/identity/oauth2/token", "/metadata/./identity/oauth2/token",
      "/x/../metadata/identity/oauth2/token", "/metadata//identity/oauth2/token", "//metadata/identity/oauth2/token",
      "/metadata/identity/oauth2/token/..", "/metadata/identity/oauth2/%252e%252e/token", "/metadata/identity/OAuth2/Token",
      "/metadata/identity/oauth2token", "/metadata/identity/x/oauth2/token", "/metadata/identity/oauth2/tok%zzen",
      "http://169.254.169.254/metadata/identity/oauth2/token"})
  void refusesEveryTokenPathTrickWithoutForwarding(String target) {
    int before = UPSTREAM.requestLines().size();
    RawHttp.Response response = RawHttp.get("127.0.10.5", TestWorld.imdsPort(), target + "?resource=r",
        "Metadata: true");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("Invalid request\n");
    assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(UPSTREAM.requestLines()).hasSize(before);
  }

  @Test
  void refusesFragmentsWithoutForwarding() {
    int before = UPSTREAM.requestLines().size();
    assertThat(RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/identity/oauth2/token#x?resource=r",
        "Metadata: true").status()).isEqualTo(400);
    assertThat(RawHttp.get("127.0.10.5", TestWorld.imdsPort(), "/metadata/instance#/../identity/oauth2/token",
        "Metadata: true").status()).isEqualTo(400);
    assertThat(UPSTREAM.requestLines()).hasSize(before);
  }

  @Test
  void routesMetadataInAnyCaseToTheTokenEndpointAndIdentityInAnotherCaseToImds() {
    for (String path : List.of("/Metadata/identity/oauth2/token", "/METADATA/identity/oauth2/token/")) {
      assertThat(RawHttp.get("127.0.10.5", TestWorld.imdsPort(), path + "?resource=r", "Metadata: true").body())
          .isEqualTo("pod list is empty\n");
    }
    RawHttp.Response proxied = RawHttp.get("127.0.10.5", TestWorld.imdsPort(),
        "/metadata/Identity/oauth2/token?resource=r", "Metadata: true");
    assertThat(proxied.status()).isEqualTo(404);
    assertThat(UPSTREAM.requestLines()).anyMatch(l -> l.startsWith("GET /metadata/Identity/oauth2/token?resource=r "));
  }

  @Test
  void forwardsNothingTokenLikeForThousandsOfRandomTargets() {
    Random random = new Random(20_221_213);
    int before = UPSTREAM.requestLines().size();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      String target = randomTarget(random);
      sent.add(target);
      RawHttp.exchange("127.0.10.5", TestWorld.imdsPort(), "GET " + target
          + " HTTP/1.1\r\nHost: x\r\nMetadata: true\r\nConnection: close\r\n\r\n");
    }
    List<String> forwarded = UPSTREAM.requestLines().subList(before, UPSTREAM.requestLines().size());
    assertThat(forwarded).as("forwarded requests").isNotEmpty();
    assertThat(forwarded).allSatisfy(line -> assertThat(tokenLike(line.split(" ")[1]))
        .as("forwarded %s", line).isFalse());
  }

  private static String randomTarget(Random random) {
    StringBuilder target = new StringBuilder("/");
    int pieces = 1 + random.nextInt(9);
    for (int i = 0; i < pieces; i++) {
      target.append(PIECES[random.nextInt(PIECES.length)]);
    }
    if (random.nextInt(3) == 0) {
      target.append("?resource=").append(PIECES[random.nextInt(PIECES.length)]);
    }
    return target.toString().replace(" ", "%20").replace("\t", "%09");
  }

  /** Whether any server might read the path as IMDS's token path: decoded twice, separators and case unified. */
  private static boolean tokenLike(String target) {
    String path = target.split("\\?", 2)[0];
    for (int i = 0; i < 2; i++) {
      try {
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        break;
      }
    }
    String unified = path.replace('\\', '/').replaceAll("/+", "/");
    List<String> segments = new ArrayList<>();
    for (String s : unified.split("/")) {
      if (s.equals("..") && !segments.isEmpty()) {
        segments.removeLast();
      } else if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) {
        segments.add(s);
      }
    }
    // IMDS reads "metadata", "oauth2" and "token" in any case but rejects "/metadata/Identity/..." (the original
    // forwards that on purpose), so "identity" keeps its case here.
    return TOKEN_LIKE.matcher("/" + String.join("/", segments)).find() || TOKEN_LIKE.matcher(unified).find();
  }
}
