package io.podidentity.mic.testing;

import io.podidentity.mic.Leadership;
import java.util.concurrent.atomic.AtomicBoolean;

/** Leadership decided by the test: wins at start when told to, and can be lost on demand. */
public final class FakeLeadership implements Leadership {
  private final boolean winAtStart;
  private final AtomicBoolean leading = new AtomicBoolean();
  private Runnable onLost = () -> { };

  public FakeLeadership(boolean winAtStart) {
    this.winAtStart = winAtStart;
  }

  @Override
  public void start(Runnable onLeading, Runnable lost) {
    this.onLost = lost;
    if (winAtStart) {
      leading.set(true);
      onLeading.run();
    }
  }

  /** The lease is gone: what the runtime does then is what losing it does in production. */
  public void lose() {
    if (leading.getAndSet(false)) {
      onLost.run();
    }
  }

  @Override
  public boolean isLeader() {
    return leading.get();
  }

  @Override
  public void close() {
    leading.set(false);
  }
}
