package io.podidentity.system.sandbox;

import io.podidentity.system.process.ChildProcess;
import io.podidentity.system.process.Pause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for a program's readiness endpoint to answer 200, failing early with its log if the program ends. */
final class Readiness {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Readiness() {}

  static void await(String name, String url, ChildProcess process) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended during start; its log (" + process.log() + ") ends with:\n"
            + process.tail(30));
      }
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.millis(200);
    }
    throw new IllegalStateException(name + " not ready at " + url + " within 120s; see " + process.log());
  }
}
