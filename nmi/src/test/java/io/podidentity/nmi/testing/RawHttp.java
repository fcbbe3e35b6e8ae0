package io.podidentity.nmi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * HTTP/1.1 at the socket level, because HTTP clients normalise request targets: the request line and headers are
 * written byte for byte, and the response is read by its Content-Length. A source address on loopback (such as
 * 127.0.10.5) makes NMI see the request as coming from that pod.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A parsed response; header names lower-cased. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Runs a blocking exchange on a thread of its own: never on the common pool, whose one worker on a 2-core machine
   * the JDK HTTP client inside NMI also needs.
   */
  public static CompletableFuture<Response> inBackground(Supplier<Response> exchange) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try {
        result.complete(exchange.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  public static Response get(String from, int port, String target, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 169.254.169.254\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return exchange(from, port, request.append("Connection: close\r\n\r\n").toString());
  }

  public static Response exchange(String from, int port, String rawRequest) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return new Response(status, headers, chunked(in));
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
        size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
      body.write(in.readNBytes(size));
      line(in);
    }
    line(in);
    return body.toString(StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
