package io.podidentity.mic;

import io.podidentity.mic.config.MicEnvironment;
import io.podidentity.mic.config.MicFlags;
import io.podidentity.mic.config.MicSettingsReader;
import io.podidentity.runtime.boot.Program;
import io.podidentity.runtime.boot.ProgramLauncher;
import io.podidentity.runtime.logging.ShutdownSafeLogging;

/** Starts MIC: the original's flags and environment, configuration validated into settings, then Helidon MP. */
public final class MicMain {
  /** MIC as the launcher sees it. */
  public static final Program PROGRAM = new Program("mic", MicWiring.VERSION, MicFlags.ALL, MicEnvironment.ALIASES,
      MicSettingsReader::read);

  static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

  private MicMain() {}

  public static void main(String[] args) {
    ShutdownSafeLogging.install();
    allowContentLength();
    ProgramLauncher.launch(PROGRAM, args);
  }

  /**
   * The Azure SDK sets Content-Length on its ARM requests; the JDK's HTTP client drops that header unless allowed
   * and the SDK then warns on every request. A value chosen on the command line wins.
   */
  static void allowContentLength() {
    if (System.getProperty(RESTRICTED_HEADERS) == null) {
      System.setProperty(RESTRICTED_HEADERS, "content-length");
    }
  }
}
