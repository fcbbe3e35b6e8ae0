package io.podidentity.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ShutdownSafeLoggingTest {
  @Test
  void keepsWhatAShutdownHookLogsAfterTheJdkHookRan() throws Exception {
    assertThat(run("install")).contains("INFO: late line").contains("active=true");
  }

  @Test
  void theStockManagerLosesItWhichIsWhyItIsReplaced() throws Exception {
    assertThat(run("stock")).doesNotContain("late line").contains("active=false");
  }

  @Test
  void leavesAManagerChosenOnTheCommandLineAlone() {
    String before = System.getProperty(ShutdownSafeLogging.PROPERTY);
    System.setProperty(ShutdownSafeLogging.PROPERTY, "com.example.Chosen");
    try {
      ShutdownSafeLogging.install();
      assertThat(System.getProperty(ShutdownSafeLogging.PROPERTY)).isEqualTo("com.example.Chosen");
    } finally {
      if (before == null) {
        System.clearProperty(ShutdownSafeLogging.PROPERTY);
      } else {
        System.setProperty(ShutdownSafeLogging.PROPERTY, before);
      }
    }
  }

  private static String run(String mode) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LateLogger.class.getName(), mode)
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Logs from its own shutdown hook once the JDK's hook has had its turn. */
  public static final class LateLogger {
    public static void main(String[] args) {
      if (args[0].equals("install")) {
        ShutdownSafeLogging.install();
      }
      Logger log = Logger.getLogger("late");
      log.info("early line");
      System.out.println("active=" + ShutdownSafeLogging.active());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        awaitJdkHook();
        log.info("late line");
      }));
    }

    /** Until the stock manager's reset removed the root handlers, or two seconds (the safe manager keeps them). */
    private static void awaitJdkHook() {
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (Logger.getLogger("").getHandlers().length > 0 && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
