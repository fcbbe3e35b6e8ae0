package io.podidentity.nmi.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a label whose values come from requests (the {@code resource} a pod asks for) from growing without bound:
 * the first {@code limit} distinct values are kept, later new ones become {@code other}.
 */
final class BoundedLabel {
  static final int DEFAULT_LIMIT = 100;
  static final String OTHER = "other";

  private final int limit;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  BoundedLabel(int limit) {
    this.limit = limit;
  }

  String of(String value) {
    if (seen.contains(value)) {
      return value;
    }
    if (seen.size() < limit && seen.add(value)) {
      return value;
    }
    return seen.contains(value) ? value : OTHER;
  }
}
