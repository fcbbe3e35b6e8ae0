package io.podidentity.mic.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one function over many items on a shared pool with at most {@code limit} running at once (the original's
 * {@code --createDeleteBatch} semaphore), and waits for all of them. Results keep the items' order.
 */
final class BoundedParallel {
  private final ExecutorService pool;
  private final int limit;

  BoundedParallel(ExecutorService pool, int limit) {
    this.pool = pool;
    this.limit = limit;
  }

  <T, R> List<R> map(List<T> items, Function<T, R> work) {
    if (items.size() == 1) {
      return List.of(work.apply(items.getFirst()));
    }
    Semaphore permits = new Semaphore(limit);
    List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      permits.acquireUninterruptibly();
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          return work.apply(item);
        } finally {
          permits.release();
        }
      }, pool));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
