package io.podidentity.nmi.net;

import java.time.Duration;
import java.util.List;

/** Runs a program and reports how it ended; the port behind which iptables and conntrack live. */
public interface CommandRunner {

  /** How a command ended: its exit code (-1 when it could not run or timed out) and what it printed. */
  record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** A one-line account for logs and errors. */
    public String describe() {
      String err = stderr.strip().replace('\n', ' ');
      return "exit=" + exitCode + (err.isEmpty() ? "" : " stderr=\"" + err + "\"");
    }
  }

  Result run(List<String> command, Duration timeout);

  /** Whether a program of this name can be run (found on the path). */
  boolean available(String program);
}
