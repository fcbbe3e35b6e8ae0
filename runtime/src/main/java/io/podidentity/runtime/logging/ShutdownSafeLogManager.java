package io.podidentity.runtime.logging;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The JDK's log manager, except that the reset its own shutdown hook performs only flushes the handlers instead of
 * closing them. Shutdown hooks run concurrently, so with the stock manager the lines MIC and NMI log while they stop
 * (lease release, rule removal, "stop") are lost whenever that hook wins the race. Resets asked for by anyone else
 * (reading a logging configuration, for instance) behave as usual. Installed by {@link ShutdownSafeLogging}.
 */
public final class ShutdownSafeLogManager extends LogManager {
  private static final String JDK_CLEANER = LogManager.class.getName() + "$Cleaner";

  @Override
  public void reset() {
    if (Thread.currentThread().getClass().getName().equals(JDK_CLEANER)) {
      flush(Logger.getLogger(""));
      return;
    }
    super.reset();
  }

  private static void flush(Logger root) {
    for (Handler handler : root.getHandlers()) {
      handler.flush();
    }
  }
}
