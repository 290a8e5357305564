package dev.sightline.exporter.flush;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code after-bulk} refresh policy of one partition: at most one refresh per {@code
 * minInterval}, at any load. A bulk sent when the last refresh is at least that old carries {@code
 * refresh=true}; the indices of bulks written without one are owed a refresh, asked for with {@code
 * POST <indices>/_refresh} once the interval has passed (trailing edge), unless a refreshing bulk
 * sent after they were written covered them first. Exporter thread only.
 */
final class RefreshSchedule {

  private final long minIntervalMillis;
  private long lastRefreshAtMillis = Long.MIN_VALUE / 2;
  private long sequence;

  /** Owed indices, with the sequence number of the latest write that owes it. */
  private final Map<String, Long> owed = new HashMap<>();

  RefreshSchedule(Duration minInterval) {
    this.minIntervalMillis = minInterval.toMillis();
  }

  /**
   * Whether a bulk sent now carries {@code refresh=true}; if so, that counts as this interval's.
   */
  boolean refreshOnSend(Bulk bulk, long nowMillis) {
    bulk.sequenceAtSend = ++sequence;
    if (nowMillis - lastRefreshAtMillis < minIntervalMillis) {
      return false;
    }
    lastRefreshAtMillis = nowMillis;
    return true;
  }

  /** A bulk is durable: its indices are owed a refresh unless it refreshed them itself. */
  void durable(Bulk bulk, Set<String> indices) {
    if (bulk.refresh) {
      // Covers what was written to these indices before it was sent.
      indices.forEach(
          index ->
              owed.computeIfPresent(index, (i, seq) -> seq < bulk.sequenceAtSend ? null : seq));
      return;
    }
    var written = ++sequence;
    indices.forEach(index -> owed.put(index, written));
  }

  /** The indices to refresh now (the interval has passed and some are owed), or an empty set. */
  Set<String> due(long nowMillis) {
    if (owed.isEmpty() || nowMillis - lastRefreshAtMillis < minIntervalMillis) {
      return Set.of();
    }
    lastRefreshAtMillis = nowMillis;
    var indices = Set.copyOf(owed.keySet());
    owed.clear();
    return indices;
  }

  /** Time until an owed refresh is due; null if none is owed. */
  Duration untilDue(long nowMillis) {
    if (owed.isEmpty()) {
      return null;
    }
    return Duration.ofMillis(Math.max(0, lastRefreshAtMillis + minIntervalMillis - nowMillis));
  }
}
