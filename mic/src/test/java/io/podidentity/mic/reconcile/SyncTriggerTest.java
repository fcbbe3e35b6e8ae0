package io.podidentity.mic.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bursts of watch events coalesce into a few syncs; without coalescing each event costs one, as in the original. */
class SyncTriggerTest {
  private final ScheduledExecutorService syncThread = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService eventSource = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger syncs = new AtomicInteger();

  @AfterEach
  void stop() {
    syncThread.shutdownNow();
    eventSource.shutdownNow();
  }

  private void slowSync() {
    syncs.incrementAndGet();
    long until = System.nanoTime() + 5_000_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  /** 500 events spread over one second, from another thread, as an informer would deliver them. */
  private void fireBurst(SyncTrigger trigger) {
    AtomicInteger fired = new AtomicInteger();
    eventSource.scheduleAtFixedRate(() -> {
      if (fired.getAndIncrement() < 500) {
        trigger.mark();
      }
    }, 0, 2, java.util.concurrent.TimeUnit.MILLISECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> fired.get() >= 500);
  }

  @Test
  void fiveHundredEventsWithinASecondCostAtMostTenSyncs() {
    SyncTrigger trigger = new SyncTrigger(syncThread, this::slowSync, Clock.systemUTC(), true,
        Duration.ofMillis(100), Duration.ofMillis(250));

    fireBurst(trigger);
    int afterBurst = syncs.get();
    await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5)).until(() -> syncs.get() == afterBurst
        || syncs.get() == afterBurst + 1);

    assertThat(syncs.get()).isBetween(1, 10);
  }

  @Test
  void withoutCoalescingEveryEventIsOneSync() {
    SyncTrigger trigger = new SyncTrigger(syncThread, syncs::incrementAndGet, Clock.systemUTC(), false,
        Duration.ofMillis(100), Duration.ofMillis(250));

    fireBurst(trigger);

    await().atMost(Duration.ofSeconds(10)).until(() -> syncs.get() == 500);
  }

  @Test
  void aRequestedRetryRunsWithoutAnyEvent() {
    SyncTrigger trigger = new SyncTrigger(syncThread, syncs::incrementAndGet, Clock.systemUTC(), true,
        Duration.ofMillis(10), Duration.ofMillis(10));

    trigger.requestWithin(Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(5)).until(() -> syncs.get() == 1);
  }

  @Test
  void anEventDuringASyncCausesExactlyOneMore() {
    AtomicInteger inSync = new AtomicInteger();
    SyncTrigger[] holder = new SyncTrigger[1];
    holder[0] = new SyncTrigger(syncThread, () -> {
      if (inSync.incrementAndGet() == 1) {
        holder[0].mark();
        holder[0].mark();
      }
    }, Clock.systemUTC(), true, Duration.ofMillis(10), Duration.ofMillis(10));

    holder[0].mark();

    await().atMost(Duration.ofSeconds(5)).until(() -> inSync.get() == 2);
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> inSync.get() == 2);
  }
}
