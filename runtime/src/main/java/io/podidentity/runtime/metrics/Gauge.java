package io.podidentity.runtime.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down (cache sizes, in-flight requests, remaining budgets). */
public final class Gauge extends MetricFamily<Gauge.Child> {
  Gauge(String name, String help, List<String> labelNames) {
    super(name, help, labelNames, values -> new Child());
  }

  /** One label-value tuple's value. */
  public static final class Child {
    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));

    public void set(double value) {
      bits.set(Double.doubleToLongBits(value));
    }

    public void add(double delta) {
      bits.getAndUpdate(b -> Double.doubleToLongBits(Double.longBitsToDouble(b) + delta));
    }

    public double get() {
      return Double.longBitsToDouble(bits.get());
    }
  }

  @Override
  String type() {
    return "gauge";
  }

  @Override
  void render(StringBuilder out) {
    children().forEach((values, child) -> PrometheusText.sample(out, name(), labelNames(), values, child.get()));
  }
}
