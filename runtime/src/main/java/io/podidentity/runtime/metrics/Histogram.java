package io.podidentity.runtime.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations in cumulative buckets (upper bounds in seconds), with sum and count, as Prometheus expects. */
public final class Histogram extends MetricFamily<Histogram.Child> {
  private final double[] bounds;

  Histogram(String name, String help, double[] bounds, List<String> labelNames) {
    super(name, help, labelNames, values -> new Child(bounds.clone()));
    this.bounds = bounds.clone();
    for (int i = 1; i < this.bounds.length; i++) {
      if (this.bounds[i] <= this.bounds[i - 1]) {
        throw new IllegalArgumentException("buckets of " + name + " must increase: " + Arrays.toString(bounds));
      }
    }
  }

  /** Shorthand for a histogram without labels. */
  public void observe(Duration duration) {
    labels().observe(duration);
  }

  /** One label-value tuple's observations. */
  public static final class Child {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Child(double[] bounds) {
      this.bounds = bounds;
      buckets = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    public void observe(Duration duration) {
      observe(duration.toNanos() / 1e9);
    }

    public void observe(double seconds) {
      for (int i = 0; i < bounds.length; i++) {
        if (seconds <= bounds[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }

    public long count() {
      return count.sum();
    }
  }

  @Override
  String type() {
    return "histogram";
  }

  @Override
  void render(StringBuilder out) {
    List<String> withLe = new ArrayList<>(labelNames());
    withLe.add("le");
    children().forEach((values, child) -> {
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += child.buckets[i].sum();
        PrometheusText.sample(out, name() + "_bucket", withLe, append(values, PrometheusText.number(bounds[i])),
            cumulative);
      }
      PrometheusText.sample(out, name() + "_bucket", withLe, append(values, "+Inf"), child.count());
      PrometheusText.sample(out, name() + "_sum", labelNames(), values, child.sum.sum());
      PrometheusText.sample(out, name() + "_count", labelNames(), values, child.count());
    });
  }

  private static List<String> append(List<String> values, String last) {
    List<String> all = new ArrayList<>(values);
    all.add(last);
    return all;
  }
}
