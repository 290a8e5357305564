package dev.sightline.exporter.latency;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * The published state of one (stage, value type), updated from interval histograms at the cost of
 * one scan of the histogram, whatever the number of records: the cumulative count and total, the
 * cumulative count at or below each bucket bound, and the percentiles of the last completed window.
 *
 * <p>Threading: {@link #add} on one thread (the exporter's tick); the getters from any thread (the
 * registry).
 */
final class StageMeters {

  private final long[] bucketBoundsMicros;
  private final double[] quantiles;
  private final long windowMillis;
  private final AtomicLongArray bucketCounts;
  private final Histogram window = StageRecorders.newHistogram();
  private volatile long count;
  private volatile long totalMicros;
  private volatile double[] percentilesMicros;
  private long windowStartMillis;

  StageMeters(Duration[] bucketBounds, double[] quantiles, Duration window, long nowMillis) {
    this.bucketBoundsMicros = new long[bucketBounds.length];
    for (var i = 0; i < bucketBounds.length; i++) {
      bucketBoundsMicros[i] = bucketBounds[i].toNanos() / 1_000;
    }
    this.quantiles = quantiles.clone();
    this.windowMillis = window.toMillis();
    this.bucketCounts = new AtomicLongArray(bucketBounds.length);
    this.percentilesMicros = new double[quantiles.length];
    this.windowStartMillis = nowMillis;
  }

  /** Adds one interval (microseconds); ends the window when it is over. Writer thread only. */
  void add(Histogram intervalMicros, long nowMillis) {
    if (intervalMicros.getTotalCount() > 0) {
      var sum = 0L;
      for (var bucket : intervalMicros.recordedValues()) {
        var bucketCount = bucket.getCountAtValueIteratedTo();
        sum += intervalMicros.medianEquivalentValue(bucket.getValueIteratedTo()) * bucketCount;
        // A bucket counts below a bound when its lowest value does: 10 ms recorded is "le 0.01".
        var lowest = intervalMicros.lowestEquivalentValue(bucket.getValueIteratedTo());
        for (var i = bucketBoundsMicros.length - 1;
            i >= 0 && lowest <= bucketBoundsMicros[i];
            i--) {
          bucketCounts.addAndGet(i, bucketCount);
        }
        // Only the recorded buckets: Histogram#add would walk all 23,552 counts.
        window.recordValueWithCount(bucket.getValueIteratedTo(), bucketCount);
      }
      totalMicros += sum;
      count += intervalMicros.getTotalCount();
    }
    if (nowMillis - windowStartMillis >= windowMillis) {
      var percentiles = new double[quantiles.length];
      for (var i = 0; i < quantiles.length; i++) {
        percentiles[i] =
            window.getTotalCount() == 0 ? 0 : window.getValueAtPercentile(quantiles[i] * 100);
      }
      percentilesMicros = percentiles;
      window.reset();
      windowStartMillis = nowMillis;
    }
  }

  long count() {
    return count;
  }

  double totalMicros() {
    return totalMicros;
  }

  /** Values recorded at or below bucket bound {@code index} since the start. */
  double countAtOrBelow(int index) {
    return bucketCounts.get(index);
  }

  /** The percentile {@code index} of the last completed window, in microseconds. */
  double percentileMicros(int index) {
    return percentilesMicros[index];
  }
}
