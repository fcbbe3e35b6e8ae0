package io.podidentity.runtime.metrics;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** A monotonically increasing count, rendered without a {@code _total} suffix as the original's exporter did. */
public final class Counter extends MetricFamily<Counter.Child> {
  Counter(String name, String help, List<String> labelNames) {
    super(name, help, labelNames, values -> new Child());
  }

  /** Shorthand for a counter without labels. */
  public void inc() {
    labels().inc();
  }

  /** One label-value tuple's count. */
  public static final class Child {
    private final DoubleAdder value = new DoubleAdder();

    public void inc() {
      value.add(1);
    }

    public void inc(double amount) {
      if (amount < 0) {
        throw new IllegalArgumentException("counters only go up");
      }
      value.add(amount);
    }

    public double get() {
      return value.sum();
    }
  }

  @Override
  String type() {
    return "counter";
  }

  @Override
  void render(StringBuilder out) {
    children().forEach((values, child) -> PrometheusText.sample(out, name(), labelNames(), values, child.get()));
  }
}
