package dev.sightline.probe.host.actor;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Time that moves only when a test says so: the project's one virtual clock. {@link
 * VirtualTimeScheduler} keeps its time on one, and so do the exporter's unit tests (through their
 * test controller) and the workload's.
 *
 * <p>Thread-safety: thread-safe; reads do not lock.
 */
public final class VirtualClock implements InstantSource {

  private volatile Instant now;

  public VirtualClock(Instant start) {
    this.now = start;
  }

  /** Starting {@code startMillis} after the epoch. */
  public VirtualClock(long startMillis) {
    this(Instant.ofEpochMilli(startMillis));
  }

  @Override
  public Instant instant() {
    return now;
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Moves to {@code instant} unless the clock is already past it. */
  public synchronized void advanceTo(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }
}
