package io.podidentity.mic;

/**
 * What the probes report: whether this replica leads, whether its caches are synced and its sync loop runs (the
 * original's {@code /healthz} said {@code Active} exactly then), and how many syncs it has done.
 */
public record MicStatus(boolean started, boolean leader, boolean syncLoopRunning, long syncs) {

  /** The original's {@code /healthz} body. */
  public String healthz() {
    return leader && syncLoopRunning ? "Active" : "Not Active";
  }
}
