package io.podidentity.runtime.config;

import java.util.List;
import java.util.stream.Stream;

/**
 * The logging flags every Kubernetes Go program inherits from klog. {@code -v} maps to a program's verbosity key;
 * the rest choose log files and headers that java.util.logging does not have, and are accepted and ignored so that
 * existing manifests start unchanged.
 */
public final class KlogFlags {
  private static final List<String> IGNORED = List.of("logtostderr", "alsologtostderr", "stderrthreshold", "log_dir",
      "log_file", "log_file_max_size", "log_backtrace_at", "vmodule", "add_dir_header", "skip_headers",
      "skip_log_headers", "one_output", "log-flush-frequency");

  private KlogFlags() {}

  /** {@code -v} setting {@code verbosityKey}, and the ignored flags. */
  public static List<Flag> withVerbosity(String verbosityKey) {
    return Stream.concat(Stream.of(Flag.value("v", verbosityKey)), IGNORED.stream().map(Flag::ignored)).toList();
  }

  /** {@code programFlags} followed by klog's. */
  public static List<Flag> after(List<Flag> programFlags, String verbosityKey) {
    return Stream.concat(programFlags.stream(), withVerbosity(verbosityKey).stream()).toList();
  }
}
