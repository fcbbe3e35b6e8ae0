package io.podidentity.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one load phase. Latencies run from each request's intended send time (open loop), so time spent
 * queued behind a slow answer counts, and are in microseconds.
 */
public record LoadResult(long offered, long completed, long ok, long errors, long unsent, double seconds,
    Histogram latencies) {

  public double throughput() {
    return completed / seconds;
  }

  public double percentileMillis(double percentile) {
    return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1_000.0;
  }

  public double meanMillis() {
    return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMean() / 1_000.0;
  }
}
