package io.podidentity.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection from a chosen local address (a pod's loopback address), so that the server
 * sees that pod as the caller. Deliberately minimal and cheap: the load generator shares the machine with the server
 * it measures, and a full client would cost more than what is being measured.
 */
public final class HttpConnection implements AutoCloseable {
  private final InetAddress local;
  private final InetSocketAddress server;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A response: status and body. */
  public record Response(int status, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public HttpConnection(String localAddress, InetSocketAddress server) {
    try {
      this.local = InetAddress.getByName(localAddress);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an address: " + localAddress, e);
    }
    this.server = server;
  }

  /** Sends {@code GET target} with {@code Metadata: true}; reconnects once if the server had closed the connection. */
  public Response get(String target) throws IOException {
    byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
        + "\r\nMetadata: true\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    boolean fresh = socket == null;
    try {
      return exchange(request);
    } catch (IOException e) {
      close();
      if (fresh) {
        throw e;
      }
      return exchange(request);
    }
  }

  private Response exchange(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(server, 5_000);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream(), 16_384);
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    return read();
  }

  private Response read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    int length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    byte[] body = chunked ? chunks() : in.readNBytes(Math.max(length, 0));
    if (closeAfter) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
