package dev.sightline.exporter.flush;

import java.time.Duration;

/**
 * Exponential backoff between flush attempts after failures: {@code initial}, doubling up to {@code
 * max}, reset by a success. Not thread-safe (exporter thread).
 */
public final class Backoff {

  private final long initialMillis;
  private final long maxMillis;
  private long currentMillis;
  private long nextAttemptAtMillis = Long.MIN_VALUE;
  private int failures;

  public Backoff(Duration initial, Duration max) {
    this.maxMillis = Math.max(1, max.toMillis());
    this.initialMillis = Math.min(Math.max(1, initial.toMillis()), maxMillis);
  }

  public void onFailure(long nowMillis) {
    currentMillis = failures == 0 ? initialMillis : Math.min(maxMillis, currentMillis * 2);
    failures++;
    nextAttemptAtMillis = nowMillis + currentMillis;
  }

  public void onSuccess() {
    failures = 0;
    currentMillis = 0;
    nextAttemptAtMillis = Long.MIN_VALUE;
  }

  public boolean isWaiting(long nowMillis) {
    return nowMillis < nextAttemptAtMillis;
  }

  public Duration remaining(long nowMillis) {
    return isWaiting(nowMillis)
        ? Duration.ofMillis(nextAttemptAtMillis - nowMillis)
        : Duration.ZERO;
  }

  /** Consecutive failures since the last success. */
  public int failures() {
    return failures;
  }
}
