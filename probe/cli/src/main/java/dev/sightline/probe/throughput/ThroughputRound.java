package dev.sightline.probe.throughput;

import java.time.Duration;
import java.util.List;

/**
 * One round: each variant's exporters turning the records into the read model, then one raw bulk of
 * the very documents they ended with (the same for every variant: the command checks it).
 *
 * @param documents documents in the read model afterwards: what the raw bulk writes
 * @param variants every variant's run, in the order given
 */
public record ThroughputRound(int round, long documents, Duration raw, List<ExporterRun> variants) {

  public ThroughputRound {
    variants = List.copyOf(variants);
  }

  /** A variant's throughput as a fraction of the raw bulk's, for the same final documents. */
  public double ratio(ExporterRun variant) {
    return seconds(raw) / seconds(variant.elapsed());
  }

  static double seconds(Duration duration) {
    return Math.max(1, duration.toNanos()) / 1e9;
  }
}
