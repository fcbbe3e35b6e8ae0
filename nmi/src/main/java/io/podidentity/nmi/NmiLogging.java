package io.podidentity.nmi;

import io.podidentity.nmi.config.NmiSettings;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * klog's flags on java.util.logging: {@code -v} sets the level of NMI's loggers (0 INFO, 1 to 4 FINE, 5 and more
 * FINER) and {@code --log-format=json} writes one JSON object per line ({@code ts}, {@code level}, {@code logger},
 * {@code msg}), as component-base's JSON logger does.
 */
final class NmiLogging {
  private NmiLogging() {}

  static void apply(NmiSettings.Log log) {
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
