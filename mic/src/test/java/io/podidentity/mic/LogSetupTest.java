package io.podidentity.mic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.podidentity.mic.config.MicSettings;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** klog's {@code -v} becomes a log level; {@code --log-format=json} one parseable JSON object per line. */
class LogSetupTest {
  private final Logger mic = Logger.getLogger("io.podidentity");
  private final Level before = mic.getLevel();

  @AfterEach
  void restore() {
    mic.setLevel(before);
  }

  @Test
  void mapsVerbosityToLevels() {
    LogSetup.apply(new MicSettings.LogSettings("text", 0, false, false));
    assertThat(mic.getLevel()).isEqualTo(Level.INFO);
    LogSetup.apply(new MicSettings.LogSettings("text", 2, false, false));
    assertThat(mic.getLevel()).isEqualTo(Level.FINE);
    LogSetup.apply(new MicSettings.LogSettings("text", 6, false, false));
    assertThat(mic.getLevel()).isEqualTo(Level.FINER);
  }

  @Test
  void writesOneJsonObjectPerRecord() {
    LogRecord record = new LogRecord(Level.WARNING, "skip AzureIdentity \"a\"\nnext line");
    record.setLoggerName("io.podidentity.mic.reconcile.ProblemReporter");

    String line = new LogSetup.JsonLines().format(record);

    assertThat(line).endsWith("}\n").doesNotContain("\nnext");
    var json = JsonParser.parseString(line).getAsJsonObject();
    assertThat(json.get("msg").getAsString()).isEqualTo("skip AzureIdentity \"a\"\nnext line");
    assertThat(json.get("level").getAsString()).isEqualTo("WARNING");
    assertThat(json.get("ts").getAsDouble()).isPositive();
  }
}
