package dev.sightline.probe.throughput;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant's exporters turning the backlog into the read model, in one round.
 *
 * @param label the variant's label, unique in the run
 * @param settings the exporter settings the variant gave (empty: the defaults)
 * @param bulkOperations documents the exporters sent in bulk requests (an entity whose records span
 *     two batches is sent twice, the second time as a partial update)
 * @param elapsed from the backlog handed over to the last record acknowledged by every partition
 * @param flushes the exporters' flushes, and {@code flushTime} their summed duration (all
 *     partitions)
 * @param searches the searches the exporters' {@code visible} stage sent (all partitions; 0 with
 *     {@code latency.visibility.enabled=false})
 */
public record ExporterRun(
    String label,
    Map<String, String> settings,
    long bulkOperations,
    Duration elapsed,
    long flushes,
    Duration flushTime,
    long searches) {

  public ExporterRun {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The {@code visible} stage's searches per second of the run, all partitions together. */
  public double searchesPerSecond() {
    return elapsed.isZero() ? 0 : searches * 1e9 / elapsed.toNanos();
  }

  public double meanFlushMillis() {
    return flushes == 0 ? 0 : flushTime.toNanos() / 1e6 / flushes;
  }
}
