package io.podidentity.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Drives one server from many local addresses (pods). {@link #openLoop} offers a fixed rate whatever the server
 * does and measures from each request's intended send time, so a stalled server cannot hide its stall by slowing the
 * sender (coordinated omission); {@link #closedLoop} finds saturation; {@link #burst} releases requests at once.
 * Every phase is bounded in requests and in time.
 */
public final class LoadGenerator {
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);
  private static final Duration DRAIN = Duration.ofSeconds(15);

  private final InetSocketAddress server;
  private final List<String> sources;

  public LoadGenerator(InetSocketAddress server, List<String> sources) {
    this.server = server;
    this.sources = List.copyOf(sources);
  }

  private record Job(long intendedNanos, int index) {}

  /** {@code rate} requests per second for {@code duration}, over {@code connections} keep-alive connections. */
  public LoadResult openLoop(double rate, Duration duration, int connections, IntFunction<String> target) {
    long total = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
    long period = (long) (1e9 / rate);
    BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    AtomicBoolean dispatched = new AtomicBoolean();
    Tally tally = new Tally();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      HttpConnection connection = new HttpConnection(sources.get(c % sources.size()), server);
      workers.add(Thread.ofVirtual().start(() -> serve(connection, queue, dispatched, tally, target)));
    }
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    for (int i = 0; i < total; i++) {
      long intended = start + i * period;
      for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      queue.add(new Job(intended, i));
    }
    dispatched.set(true);
    long unsent = finish(workers, queue);
    double seconds = (System.nanoTime() - start) / 1e9;
    return tally.result(total, unsent, seconds);
  }

  private void serve(HttpConnection connection, BlockingQueue<Job> queue, AtomicBoolean dispatched, Tally tally,
      IntFunction<String> target) {
    try (connection) {
      while (!Thread.currentThread().isInterrupted()) {
        Job job = queue.poll(50, TimeUnit.MILLISECONDS);
        if (job == null) {
          if (dispatched.get()) {
            return;
          }
          continue;
        }
        tally.record(job.intendedNanos(), send(connection, target.apply(job.index())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** As many requests as {@code connections} back-to-back callers get answered in {@code duration}. */
  public LoadResult closedLoop(Duration duration, int connections, IntFunction<String> target) {
    Tally tally = new Tally();
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      HttpConnection connection = new HttpConnection(sources.get(c % sources.size()), server);
      workers.add(Thread.ofVirtual().start(() -> {
        try (connection) {
          while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            long sent = System.nanoTime();
            tally.record(sent, send(connection, target.apply((int) next.getAndIncrement())));
          }
        }
      }));
    }
    join(workers, duration.plus(DRAIN));
    double seconds = (System.nanoTime() - start) / 1e9;
    return tally.result(next.get(), 0, seconds);
  }

  /** {@code requests} requests released at the same moment, each on its own connection. */
  public LoadResult burst(int requests, IntFunction<String> target) {
    Tally tally = new Tally();
    CountDownLatch connected = new CountDownLatch(requests);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong release = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      int index = i;
      HttpConnection connection = new HttpConnection(sources.get(i % sources.size()), server);
      workers.add(Thread.ofVirtual().start(() -> {
        try (connection) {
          connected.countDown();
          go.await();
          tally.record(release.get(), send(connection, target.apply(index)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    awaitQuietly(connected);
    long start = System.nanoTime();
    release.set(start);
    go.countDown();
    join(workers, DRAIN.multipliedBy(2));
    return tally.result(requests, 0, (System.nanoTime() - start) / 1e9);
  }

  private static int send(HttpConnection connection, String target) {
    try {
      return connection.get(target).status();
    } catch (IOException | RuntimeException e) {
      connection.close();
      return -1;
    }
  }

  private static long finish(List<Thread> workers, BlockingQueue<Job> queue) {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!queue.isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    long unsent = queue.size();
    queue.clear();
    join(workers, DRAIN);
    return unsent;
  }

  private static void join(List<Thread> workers, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    for (Thread worker : workers) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !worker.join(Duration.ofNanos(left))) {
          worker.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(DRAIN.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts and latencies, shared by the workers of one phase. */
  private static final class Tally {
    private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
    private long completed;
    private long ok;
    private long errors;

    synchronized void record(long intendedNanos, int status) {
      long micros = Math.min(HIGHEST_MICROS, Math.max(1, (System.nanoTime() - intendedNanos) / 1_000));
      if (status < 0) {
        errors++;
        return;
      }
      completed++;
      if (status == 200) {
        ok++;
        latencies.recordValue(micros);
      } else {
        errors++;
      }
    }

    synchronized LoadResult result(long offered, long unsent, double seconds) {
      return new LoadResult(offered, completed, ok, errors, unsent, seconds, latencies.copy());
    }
  }
}
