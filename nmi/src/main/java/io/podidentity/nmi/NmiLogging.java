package io.podidentity.nmi;

import io.podidentity.nmi.config.NmiSettings;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * klog's flags on java.util.logging: {@code -v} sets the level of NMI's loggers (0 INFO, 1 to 4 FINE, 5 and more
 * FINER) and {@code --log-format=json} writes one JSON object per line ({@code ts}, {@code level}, {@code logger},
 * {@code msg}), as component-base's JSON logger does. Loggers that would print request and response bytes stay at
 * INFO whatever the level asked for, so no token reaches a log.
 */
final class NmiLogging {
  // Helidon dumps every byte sent and received at FINEST here, token answers included: never below INFO. Held
  // strongly, since the log manager keeps only weak references and a collected logger forgets its level.
  private static final List<Logger> PINNED = List.of(
      Logger.getLogger("io.helidon.webserver.http1.Http1LoggingConnectionListener"),
      Logger.getLogger("io.helidon.webserver.http1.Http1LoggingConnectionListener.send"),
      Logger.getLogger("io.helidon.webserver.http1.Http1LoggingConnectionListener.recv"));

  private NmiLogging() {}

  static void apply(NmiSettings.Log log) {
    PINNED.forEach(logger -> logger.setLevel(Level.INFO));
    Level level = log.verbosity() >= 5 ? Level.FINER : log.verbosity() >= 1 ? Level.FINE : Level.INFO;
    Logger.getLogger("io.podidentity").setLevel(level);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler.getLevel().intValue() > level.intValue()) {
        handler.setLevel(level);
      }
      if ("json".equals(log.format())) {
        handler.setFormatter(new JsonLine());
      }
    }
  }

  /** A record as one line of JSON. */
  static final class JsonLine extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(160).append("{\"ts\":\"")
          .append(DateTimeFormatter.ISO_INSTANT.format(record.getInstant())).append("\",\"level\":");
      quote(line, record.getLevel().getName());
      line.append(",\"logger\":");
      quote(line, record.getLoggerName());
      line.append(",\"msg\":");
      quote(line, formatMessage(record));
      return line.append("}\n").toString();
    }

    private static void quote(StringBuilder line, String text) {
      line.append('"');
      String t = text == null ? "" : text;
      t.chars().forEach(c -> line.append(c == '"' || c == '\\' ? "\\" + (char) c
          : c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
      line.append('"');
    }
  }
}
