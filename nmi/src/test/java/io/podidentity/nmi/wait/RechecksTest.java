package io.podidentity.nmi.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RechecksTest {
  private static final ClientConnection CONNECTION = new ClientConnection(new InetSocketAddress("127.0.0.1", 2579),
      new InetSocketAddress("127.0.10.5", 50000));
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final AtomicBoolean hungUp = new AtomicBoolean();
  private final Rechecks rechecks = new Rechecks(scheduler,
      connections -> hungUp.get() ? Set.copyOf(connections) : Set.of(), Duration.ofMillis(20));

  @AfterEach
  void stop() {
    rechecks.close();
    scheduler.shutdownNow();
  }

  @Test
  void answersAtOnceWhenTheFirstCheckDecides() {
    assertThat(rechecks.await(recheck("k", Duration.ofHours(1), attempt -> Optional.of("now")))).isCompletedWithValue(
        "now");
    assertThat(rechecks.pending()).isZero();
  }

  @Test
  void asksAgainWhenItsKeyChangesWithoutWaitingForTheInterval() {
    AtomicBoolean ready = new AtomicBoolean();
    CompletableFuture<String> answer = rechecks.await(recheck("pod-a", Duration.ofHours(1),
        attempt -> ready.get() ? Optional.of("attempt " + attempt) : Optional.empty()));
    rechecks.changed("pod-b");
    ready.set(true);
    assertThat(answer).isNotDone();
    rechecks.changed("pod-a");
    assertThat(answer).isCompletedWithValue("attempt 0");
    assertThat(rechecks.pending()).isZero();
  }

  @Test
  void countsAttemptsAtTheInterval() {
    CompletableFuture<String> answer = rechecks.await(recheck("k", Duration.ofMillis(10),
        attempt -> attempt >= 3 ? Optional.of("gave up at " + attempt) : Optional.empty()));
    assertThat(answer.join()).isEqualTo("gave up at 3");
  }

  @Test
  void endsTheWaitWhenTheClientHangsUp() {
    CompletableFuture<String> answer = rechecks.await(recheck("k", Duration.ofHours(1), attempt -> Optional.empty()));
    assertThat(rechecks.pending()).isEqualTo(1);
    hungUp.set(true);
    await().until(answer::isDone);
    assertThat(answer.join()).isEqualTo("abandoned");
    assertThat(rechecks.pending()).isZero();
  }

  private static Recheck<String> recheck(String key, Duration interval,
      java.util.function.IntFunction<Optional<String>> evaluate) {
    return new Recheck<>(Set.of(key), interval, evaluate, Optional.of(CONNECTION), "abandoned");
  }
}
