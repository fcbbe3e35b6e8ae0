package io.podidentity.mic;

/** Who among MIC replicas does the work: the Lease election in MIC, an instant win in component tests. */
public interface Leadership extends AutoCloseable {

  /** Starts competing; {@code onLeading} runs once this replica leads, {@code onLost} if it stops leading. */
  void start(Runnable onLeading, Runnable onLost);

  boolean isLeader();

  @Override
  void close();
}
