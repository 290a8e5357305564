package dev.sightline.probe.host;

import java.time.Duration;

/**
 * Retry delays like Zeebe's {@code BackOffRetryStrategy}: the first attempt runs at once; each
 * failure doubles the delay, capped at {@code max}, and the doubling happens before the first wait.
 * So the broker's export retry ({@link #EXPORT}: 1 s, 10 s) waits 2 s, 4 s, 8 s, 10 s, 10 s, … and
 * never gives up.
 *
 * <p>This is the broker's schedule, modelled so the host retries a failing exporter as Zeebe does;
 * the exporter's own backoff between flush attempts ({@code dev.sightline.exporter.flush.Backoff})
 * is its own policy and changes independently.
 *
 * @param initial the delay the doubling starts from
 * @param max the longest delay
 */
public record BrokerRetry(Duration initial, Duration max) {

  /** The broker's retry of a failed {@code export}. */
  public static final BrokerRetry EXPORT =
      new BrokerRetry(Duration.ofSeconds(1), Duration.ofSeconds(10));

  /** The broker's retry of a failed {@code open}. */
  public static final BrokerRetry OPEN =
      new BrokerRetry(Duration.ofMillis(150), Duration.ofSeconds(10));

  public BrokerRetry {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "BrokerRetry needs 0 < initial <= max, got " + initial + " and " + max);
    }
  }

  /** The wait after the {@code failures}-th consecutive failure (1 for the first). */
  public Duration delayAfter(int failures) {
    Duration delay = initial;
    for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
      Duration doubled = delay.multipliedBy(2);
      delay = doubled.compareTo(max) < 0 ? doubled : max;
    }
    return delay;
  }
}
