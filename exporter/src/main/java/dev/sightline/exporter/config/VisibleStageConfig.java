package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The exporter's own {@code visible} stage ({@code docs/latency.md}): after a bulk is durable, the
 * exporter searches for a sample of its documents until a search returns them at the positions
 * written.
 *
 * @param enabled whether the exporter measures {@code visible} at all (and searches for it)
 * @param sampleOneIn documents followed: one in this many, chosen by a hash of index and id, so a
 *     document followed is followed for every record that changes it
 * @param maxSearchesPerSecond searches one partition sends at most per second; one search asks
 *     every index for its pending ids, so the poll period, the resolution, is the inverse
 * @param maxPending records waiting to be seen, per partition; samples beyond are dropped (counted)
 * @param giveUpAfter a record not seen this long after its bulk became durable is dropped (counted
 *     as timed out)
 */
public record VisibleStageConfig(
    boolean enabled,
    int sampleOneIn,
    int maxSearchesPerSecond,
    int maxPending,
    Duration giveUpAfter) {

  public VisibleStageConfig {
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
  }

  /** The time between two searches at the cap. */
  public Duration searchPeriod() {
    return Duration.ofNanos(1_000_000_000L / maxSearchesPerSecond);
  }
}
