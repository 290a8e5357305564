package dev.sightline.it.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A broker clock a test sets: real time shifted by an offset, or stopped at an instant. For what is
 * counted on the broker's clock over days (retention) in a test that lasts seconds.
 *
 * <p>Thread-safe.
 */
public final class SettableClock implements InstantSource {

  private volatile Duration offset = Duration.ZERO;
  private volatile Instant stopped;

  /** Real time shifted so that it shows {@code instant} now, and runs on from there. */
  public void runFrom(Instant instant) {
    stopped = null;
    offset = Duration.between(Instant.now(), instant);
  }

  /** Shows {@code instant} until set again. */
  public void stopAt(Instant instant) {
    stopped = instant;
  }

  @Override
  public Instant instant() {
    var at = stopped;
    return at != null ? at : Instant.now().plus(offset);
  }
}
