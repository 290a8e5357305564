package dev.sightline.probe.latency;

/**
 * One expectation met: the search sent at {@code seenAtMicros} (microseconds since the epoch, the
 * probe's clock) was the first to find the document.
 */
public record Observation(Expectation expectation, long seenAtMicros) {

  /** {@code seenAt − record timestamp}, in microseconds. */
  public long latencyMicros() {
    return seenAtMicros - expectation.recordTimestampMillis() * 1_000;
  }
}
