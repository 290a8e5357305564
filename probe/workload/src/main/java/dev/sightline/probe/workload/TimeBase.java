package dev.sightline.probe.workload;

import java.time.Instant;

/**
 * Converts intended times (nanoseconds after the workload's start) to record timestamps (epoch
 * milliseconds).
 *
 * <p>Immutable.
 */
record TimeBase(long startEpochNanos) {

  static TimeBase of(Instant start) {
    return new TimeBase(
        Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L), start.getNano()));
  }

  long millis(long offsetNanos) {
    return Math.floorDiv(startEpochNanos + offsetNanos, 1_000_000L);
  }
}
