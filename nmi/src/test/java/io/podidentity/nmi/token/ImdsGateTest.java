package io.podidentity.nmi.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.nmi.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IMDS's documented per-VM limits, kept by the gate: 5 concurrent, 20 started per second, a bounded fair queue. */
class ImdsGateTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void runsAtMostFiveCallsAtOnceAndTheRestInArrivalOrder() {
    ImdsGate gate = new ImdsGate(5, 1000, 100, Duration.ofMinutes(1), clock, scheduler);
    List<CompletableFuture<Integer>> upstream = new ArrayList<>();
    List<Integer> startOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int n = i;
      CompletableFuture<Integer> call = new CompletableFuture<>();
      upstream.add(call);
      results.add(gate.submit(() -> {
        startOrder.add(n);
        return call;
      }));
    }
    assertThat(gate.inFlight()).isEqualTo(5);
    assertThat(gate.waiting()).isEqualTo(7);
    for (int i = 0; i < 12; i++) {
      upstream.get(i).complete(i);
      assertThat(gate.inFlight()).isLessThanOrEqualTo(5);
    }
    assertThat(startOrder).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(results).allSatisfy(r -> assertThat(r).isCompleted());
  }

  @Test
  void startsAtMostTwentyCallsInAnyOneSecond() {
    ImdsGate gate = new ImdsGate(1000, 20, 100, Duration.ofMinutes(1), clock, scheduler);
    AtomicInteger started = new AtomicInteger();
    for (int i = 0; i < 25; i++) {
      gate.submit(() -> {
        started.incrementAndGet();
        return CompletableFuture.completedFuture(1);
      });
    }
    assertThat(started).hasValue(20);
    clock.advance(Duration.ofMillis(999));
    gate.dispatch();
    assertThat(started).hasValue(20);
    clock.advance(Duration.ofMillis(1));
    gate.dispatch();
    assertThat(started).hasValue(25);
  }

  @Test
  void refusesAtOnceWhenTheQueueIsFull() {
    ImdsGate gate = new ImdsGate(1, 1000, 2, Duration.ofMinutes(1), clock, scheduler);
    CompletableFuture<Integer> never = new CompletableFuture<>();
    gate.submit(() -> never);
    gate.submit(() -> never);
    gate.submit(() -> never);
    CompletableFuture<Integer> refused = gate.submit(() -> never);
    assertThat(refused).isCompletedExceptionally();
    assertThat(refused.handle((v, e) -> e).join()).isInstanceOf(ImdsGate.GateFull.class)
        .hasMessageContaining("too many token requests waiting for IMDS");
  }

  @Test
  void givesUpOnACallThatWaitsLongerThanTheQueueTimeout() {
    ImdsGate gate = new ImdsGate(1, 1000, 10, Duration.ofMillis(50), clock, scheduler);
    gate.submit(CompletableFuture::new);
    CompletableFuture<Object> waiting = gate.submit(CompletableFuture::new);
    await().until(waiting::isDone);
    assertThat(waiting.handle((v, e) -> e instanceof CompletionException c ? c.getCause() : e).join())
        .isInstanceOf(ImdsGate.GateFull.class).hasMessageContaining("for a free IMDS slot");
    assertThat(gate.waiting()).isZero();
  }
}
