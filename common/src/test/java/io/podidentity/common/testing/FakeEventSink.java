package io.podidentity.common.testing;

import io.podidentity.common.port.ClusterEvent;
import io.podidentity.common.port.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every recorded Event in order. */
public final class FakeEventSink implements EventSink {
  private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(ClusterEvent event) {
    events.add(event);
  }

  public List<ClusterEvent> events() {
    return List.copyOf(events);
  }

  /** The events with this reason. */
  public List<ClusterEvent> withReason(String reason) {
    return events.stream().filter(e -> e.reason().equals(reason)).toList();
  }

  public void reset() {
    events.clear();
  }
}
