package dev.sightline.exporter.latency;

import java.time.InstantSource;

/**
 * Microseconds since the epoch from the broker's {@link InstantSource}. A clock with finer than
 * millisecond resolution (the JDK's system clock gives microseconds on Linux) gives microseconds; a
 * millisecond clock (a virtual test clock, a pinned broker clock) gives milliseconds × 1000.
 */
@FunctionalInterface
public interface MicrosClock {

  long nowMicros();

  static MicrosClock of(InstantSource source) {
    return () -> {
      var instant = source.instant();
      return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    };
  }
}
