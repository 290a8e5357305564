package dev.sightline.probe.throughput;

import java.time.Duration;

/**
 * One round: the direct exporter turning the records into the read model, then a raw bulk of the
 * very documents it ended with.
 *
 * @param bulkOperations documents the exporters sent in bulk requests (an entity whose records span
 *     two batches is sent twice, the second time as a partial update)
 * @param documents documents in the read model afterwards: what the raw bulk writes
 * @param flushes the exporters' flushes, and {@code flushTime} their summed duration (all
 *     partitions)
 */
public record ThroughputRound(
    int round,
    long bulkOperations,
    long documents,
    Duration direct,
    long flushes,
    Duration flushTime,
    Duration raw) {

  /**
   * The direct exporter's throughput as a fraction of the raw bulk's, for the same final documents.
   */
  public double ratio() {
    return seconds(raw) / seconds(direct);
  }

  public double meanFlushMillis() {
    return flushes == 0 ? 0 : flushTime.toNanos() / 1e6 / flushes;
  }

  static double seconds(Duration duration) {
    return Math.max(1, duration.toNanos()) / 1e9;
  }
}
