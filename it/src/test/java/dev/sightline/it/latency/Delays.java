package dev.sightline.it.latency;

import java.util.Arrays;
import java.util.Collection;

/**
 * Exact order statistics of a few hundred delays in microseconds (negative values kept as they
 * are).
 */
record Delays(long[] sortedMicros) {

  static Delays of(Collection<Long> micros) {
    var sorted = micros.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Delays(sorted);
  }

  int count() {
    return sortedMicros.length;
  }

  /** Nearest-rank percentile, in milliseconds. */
  double percentileMillis(double percentile) {
    var rank = (int) Math.ceil(percentile / 100 * sortedMicros.length);
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1_000.0;
  }

  double maxMillis() {
    return sortedMicros[sortedMicros.length - 1] / 1_000.0;
  }

  double minMillis() {
    return sortedMicros[0] / 1_000.0;
  }

  String describe() {
    return "n=%d min=%.1f p10=%.1f p50=%.1f p90=%.1f max=%.1f ms"
        .formatted(
            count(),
            minMillis(),
            percentileMillis(10),
            percentileMillis(50),
            percentileMillis(90),
            maxMillis());
  }
}
