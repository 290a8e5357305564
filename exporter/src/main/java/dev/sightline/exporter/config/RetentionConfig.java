package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Retention of finished process instances (docs/operations.md, "Retention"): each partition's
 * exporter removes the call hierarchies of its own partition whose root instance finished longer
 * than {@code period} ago, whole, a bounded amount per run.
 *
 * @param enabled whether finished instances are removed at all (off by default)
 * @param period how long after its root instance ended a call hierarchy is kept
 * @param interval the time between two runs
 * @param batchSize root instances one run takes on at most
 * @param maxDocumentsPerRun documents one run finds and deletes at most, besides its roots
 * @param replayWindow how long after the exporter acknowledged a record a restarted broker may
 *     still export it again (its snapshot period, and a margin): only hierarchies whose records
 *     were all acknowledged longer ago than this are removed, so no replay can write them again
 */
public record RetentionConfig(
    boolean enabled,
    Duration period,
    Duration interval,
    int batchSize,
    int maxDocumentsPerRun,
    Duration replayWindow) {

  public RetentionConfig {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(replayWindow, "replayWindow");
  }
}
