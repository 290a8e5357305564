package dev.sightline.probe.latency;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the probe polls.
 *
 * @param url the Elasticsearch node
 * @param mode {@link ProbeMode#SEARCH} to measure {@code visible}
 * @param pollInterval the target time between two polls of the pending ids (one request per index
 *     each)
 * @param maxIdsPerRequest the most ids one request asks for; the oldest pending ids go first
 * @param maxPending beyond this many pending expectations, new ones are shed (counted, not queued)
 * @param giveUpAfter an expectation not met by then is dropped and counted as timed out
 * @param clock the clock record timestamps are on (the broker's); read with microseconds if it has
 *     them
 */
public record ProbeSettings(
    URI url,
    ProbeMode mode,
    Duration pollInterval,
    int maxIdsPerRequest,
    int maxPending,
    Duration giveUpAfter,
    InstantSource clock) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(15);

  public ProbeSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    Objects.requireNonNull(clock, "clock");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    if (maxIdsPerRequest < 1 || maxPending < 1) {
      throw new IllegalArgumentException("maxIdsPerRequest and maxPending must be at least 1");
    }
  }

  /**
   * Search mode, 15 ms polls, 1,000 ids per request, 100,000 pending at most, 10 min to give up,
   * system clock.
   */
  public static ProbeSettings defaults(URI url) {
    return new ProbeSettings(
        url,
        ProbeMode.SEARCH,
        DEFAULT_POLL_INTERVAL,
        1_000,
        100_000,
        Duration.ofMinutes(10),
        Clock.systemUTC());
  }

  public ProbeSettings withMode(ProbeMode mode) {
    return new ProbeSettings(
        url, mode, pollInterval, maxIdsPerRequest, maxPending, giveUpAfter, clock);
  }

  public ProbeSettings withPollInterval(Duration pollInterval) {
    return new ProbeSettings(
        url, mode, pollInterval, maxIdsPerRequest, maxPending, giveUpAfter, clock);
  }

  public ProbeSettings withLimits(int maxIdsPerRequest, int maxPending) {
    return new ProbeSettings(
        url, mode, pollInterval, maxIdsPerRequest, maxPending, giveUpAfter, clock);
  }
}
