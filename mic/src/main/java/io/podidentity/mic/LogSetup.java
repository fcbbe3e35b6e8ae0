package io.podidentity.mic;

import io.podidentity.mic.config.MicSettings;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The original's logging flags on java.util.logging: klog's {@code -v} becomes the level of MIC's loggers (0 INFO,
 * 1 to 4 FINE, 5 and more FINER) and {@code --log-format=json} one JSON object per line, with the time, level, logger
 * and message (as component-base's JSON logger writes {@code ts}, {@code v}, {@code msg}).
 */
final class LogSetup {
  private LogSetup() {}

  static void apply(MicSettings.LogSettings settings) {
    Level level = settings.verbosity() == 0 ? Level.INFO : settings.verbosity() < 5 ? Level.FINE : Level.FINER;
    Logger.getLogger("io.podidentity").setLevel(level);
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      if (level.intValue() < handler.getLevel().intValue()) {
        handler.setLevel(level);
      }
      if (settings.format().equals("json")) {
        handler.setFormatter(new JsonLines());
      }
    }
  }

  /** One JSON object per record. */
  static final class JsonLines extends Formatter {
    @Override
    public String format(LogRecord record) {
      Instant at = record.getInstant();
      return "{\"ts\":" + at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000)
          + ",\"level\":\"" + record.getLevel().getName() + "\",\"logger\":\"" + escape(record.getLoggerName())
          + "\",\"msg\":\"" + escape(formatMessage(record)) + "\"}\n";
    }

    private static String escape(String text) {
      if (text == null) {
        return "";
      }
      StringBuilder out = new StringBuilder(text.length() + 8);
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
      }
      return out.toString();
    }
  }
}
