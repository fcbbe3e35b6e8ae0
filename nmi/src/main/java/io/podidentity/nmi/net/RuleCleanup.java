package io.podidentity.nmi.net;

import io.podidentity.nmi.config.NmiSettings;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code nmi --cleanup}: removes the PREROUTING jump and the {@code aad-metadata} chain from every iptables backend
 * present (rules may have been installed by either), and reports whether all removals worked.
 */
public final class RuleCleanup {
  private static final Logger LOG = Logger.getLogger(RuleCleanup.class.getName());

  private RuleCleanup() {}

  public static boolean run(NmiSettings settings) {
    return run(new ProcessCommandRunner(List.of()), settings.rules().backend());
  }

  static boolean run(CommandRunner runner, String configuredBackend) {
    List<String> binaries = configuredBackend.equals("auto")
        ? IptablesBackend.present(runner)
        : List.of(IptablesBackend.binary(configuredBackend, runner));
    boolean ok = true;
    for (String binary : binaries) {
      switch (new IptablesRedirector(runner, binary).remove()) {
        case IptablesRedirector.Outcome.Done done ->
            LOG.info(() -> "removed redirect rules backend=" + binary + " changes=" + done.actions().size());
        case IptablesRedirector.Outcome.Failed failed -> {
          LOG.severe(() -> "failed to remove redirect rules backend=" + binary + " error=" + failed.message());
          ok = false;
        }
      }
    }
    return ok;
  }
}
