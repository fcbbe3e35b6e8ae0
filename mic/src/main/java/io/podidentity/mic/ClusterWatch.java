package io.podidentity.mic;

/** The watches that feed the sync loop: informers in MIC, nothing in component tests. */
public interface ClusterWatch extends AutoCloseable {

  /** Starts watching; {@code onChange} runs whenever something that matters changed. */
  void start(Runnable onChange);

  /** Whether the caches hold their first full lists, so a sync sees the whole cluster. */
  boolean hasSynced();

  @Override
  void close();
}
