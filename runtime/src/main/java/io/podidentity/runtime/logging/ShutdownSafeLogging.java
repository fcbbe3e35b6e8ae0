package io.podidentity.runtime.logging;

import java.util.logging.LogManager;

/**
 * Selects {@link ShutdownSafeLogManager} as the JDK's log manager. It must run first thing in {@code main}, before
 * any class touches {@code java.util.logging}: the JDK reads the choice once, when the log manager is created. This
 * class does not extend {@link LogManager} on purpose, since loading a subclass would create the stock manager first.
 */
public final class ShutdownSafeLogging {
  static final String PROPERTY = "java.util.logging.manager";

  private ShutdownSafeLogging() {}

  /** Chooses the shutdown-safe manager unless the command line already chose one. */
  public static void install() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "io.podidentity.runtime.logging.ShutdownSafeLogManager");
    }
  }

  /** Whether the manager in use keeps shutdown-time log lines. */
  public static boolean active() {
    return LogManager.getLogManager() instanceof ShutdownSafeLogManager;
  }
}
