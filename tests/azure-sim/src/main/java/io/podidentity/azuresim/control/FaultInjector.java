package io.podidentity.azuresim.control;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The active fault rules. Each call of an operation consumes one use of the first rule that matches it, so
 * "fail the next 2 PATCHes" is one rule with {@code times = 2}. Thread-safe.
 */
public final class FaultInjector {
  private final List<Entry> rules = new ArrayList<>();

  private static final class Entry {
    private final FaultRule rule;
    private int remaining;

    Entry(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.times();
    }
  }

  public synchronized void add(FaultRule rule) {
    rules.add(new Entry(rule));
  }

  public synchronized void clear() {
    rules.clear();
  }

  /** The rules still active, with their remaining uses in {@code times}. */
  public synchronized List<FaultRule> active() {
    return rules.stream().map(e -> new FaultRule(e.rule.operation(), e.rule.latency(), e.rule.effect(),
        e.remaining)).toList();
  }

  /** Consumes and returns the rule that applies to this call of {@code operation}, if any. */
  public synchronized Optional<FaultRule> take(String operation) {
    Iterator<Entry> it = rules.iterator();
    while (it.hasNext()) {
      Entry entry = it.next();
      if (entry.rule.matches(operation)) {
        if (entry.remaining != FaultRule.ALWAYS && --entry.remaining == 0) {
          it.remove();
        }
        return Optional.of(entry.rule);
      }
    }
    return Optional.empty();
  }
}
