package io.podidentity.bench.nmi;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The framework floor: a Helidon SE server whose only route answers the IMDS token path with a fixed JSON body of
 * the size NMI's answer has. What NMI costs beyond it is NMI's own work. Run as its own process:
 * {@code FloorServer <port> <body bytes>}.
 */
public final class FloorServer {
  static final String PATH = "/metadata/identity/oauth2/token";

  private FloorServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    byte[] body = body(Integer.parseInt(args[1]));
    WebServer.builder().host("127.0.0.1").port(port)
        .routing(routing -> routing.get(PATH, (request, response) -> {
          response.header(HeaderNames.CONTENT_TYPE, "application/json");
          response.send(body);
        }))
        .build().start();
  }

  /** {@code {"access_token":"xxx…"}} padded to exactly {@code size} bytes (at least the wrapper's length). */
  static byte[] body(int size) {
    String prefix = "{\"access_token\":\"";
    String suffix = "\"}";
    char[] padding = new char[Math.max(0, size - prefix.length() - suffix.length())];
    Arrays.fill(padding, 'x');
    return (prefix + new String(padding) + suffix).getBytes(StandardCharsets.US_ASCII);
  }
}
