package dev.sightline.probe.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;

/** How {@link RealTimeDriver} waits for a record's intended time. */
@FunctionalInterface
public interface Pacer {

  /**
   * Returns at {@code instant} or a little later (or earlier: the driver checks its clock again).
   */
  void awaitUntil(Instant instant) throws InterruptedException;

  /** Sleeps on the calling thread until the clock reaches the instant, 50 ms at most at a time. */
  static Pacer sleeping(InstantSource clock) {
    return instant -> {
      long nanos;
      while ((nanos = Duration.between(clock.instant(), instant).toNanos()) > 0) {
        TimeUnit.NANOSECONDS.sleep(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(50)));
      }
    };
  }
}
