package io.podidentity.nmi.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.testing.FakeImds;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImdsTokenClientTest {
  private static final String CLIENT = "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56";
  private FakeImds imds;
  private ScheduledExecutorService scheduler;
  private ImdsTokenClient client;

  @BeforeEach
  void start() throws Exception {
    imds = new FakeImds();
    scheduler = Executors.newScheduledThreadPool(1);
    NmiSettings.Imds settings = new NmiSettings.Imds("127.0.0.1", imds.port(), Duration.ofSeconds(5), 2, 5, 20, 10,
        Duration.ofSeconds(5), Duration.ofSeconds(5));
    ImdsGate gate = new ImdsGate(5, 20, 10, Duration.ofSeconds(5), Clock.systemUTC(), scheduler);
    client = new ImdsTokenClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), settings,
        gate, Clock.systemUTC(), scheduler, "test", UpstreamObserver.NONE);
  }

  @AfterEach
  void stop() {
    imds.close();
    scheduler.shutdownNow();
  }

  @Test
  void getsATokenForAnAttachedIdentity() {
    imds.attach(CLIENT);
    TokenOutcome outcome = client.token(CLIENT, "https://vault.azure.net").join();
    assertThat(outcome).isInstanceOf(TokenOutcome.Issued.class);
    IssuedToken token = ((TokenOutcome.Issued) outcome).tokens().getFirst();
    assertThat(token.accessToken()).isEqualTo(FakeImds.tokenFor(CLIENT, "https://vault.azure.net"));
    assertThat(token.toString()).doesNotContain(token.accessToken());
  }

  @Test
  void needsNoCommonPoolThread() throws Exception {
    imds.attach(CLIENT);
    CountDownLatch blocked = new CountDownLatch(1);
    for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
      CompletableFuture.runAsync(() -> {
        try {
          blocked.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    try {
      TokenOutcome outcome = client.token(CLIENT, "https://vault.azure.net").get(10, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(TokenOutcome.Issued.class);
    } finally {
      blocked.countDown();
    }
  }

  @Test
  void reportsImdssRefusalAsRefused() {
    TokenOutcome outcome = client.token(CLIENT, "r").join();
    assertThat(outcome).isEqualTo(new TokenOutcome.Refused("adal: Refresh request failed. Status Code = '400'. "
        + "Response body: {\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}"));
  }

  @Test
  void reportsAnUnreachableImdsAsUnavailableAfterItsAttempts() {
    imds.close();
    TokenOutcome outcome = client.token(CLIENT, "r").join();
    assertThat(outcome).isInstanceOf(TokenOutcome.Unavailable.class);
    assertThat(((TokenOutcome.Unavailable) outcome).message()).startsWith("failed to get token from IMDS at 127.0.0.1:");
  }
}
