package io.podidentity.nmi.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record of the JVM at FINEST while installed, rendered as a handler would print it
 * (message with parameters, and any stack trace), so tests can assert that no secret reaches a log line.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  /** The fake IMDS's own HTTP server, test infrastructure that prints the tokens it hands out. */
  private static final String FAKE_IMDS_SERVER = "com.sun.net.httpserver";
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Level rootBefore;

  private LogCapture() {
    Logger root = Logger.getLogger("");
    rootBefore = root.getLevel();
    setLevel(Level.ALL);
    root.setLevel(Level.FINEST);
    Logger.getLogger("io.podidentity").setLevel(Level.FINEST);
    root.addHandler(this);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLoggerName() != null && record.getLoggerName().startsWith(FAKE_IMDS_SERVER)) {
      return;
    }
    StringBuilder line = new StringBuilder(formatter.formatMessage(record));
    if (record.getParameters() != null) {
      for (Object p : record.getParameters()) {
        line.append(' ').append(p);
      }
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(' ').append(trace);
    }
    lines.add(record.getLoggerName() + " " + line);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger root = Logger.getLogger("");
    root.removeHandler(this);
    root.setLevel(rootBefore);
    Logger.getLogger("io.podidentity").setLevel(Level.INFO);
  }
}
