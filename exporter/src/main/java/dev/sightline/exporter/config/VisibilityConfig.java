package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When written documents become searchable.
 *
 * @param refresh who refreshes the indices
 * @param minRefreshInterval under {@link RefreshPolicy#AFTER_BULK}, the least time between two
 *     refreshes one partition asks for: caps their cost at any load
 * @param maxRefreshLag under {@link RefreshPolicy#AFTER_BULK}, how far behind the log (the age of
 *     the newest record handled) a partition may be and still ask for refreshes; further behind it
 *     is working off a backlog and leaves refreshing to the index's own interval
 */
public record VisibilityConfig(
    RefreshPolicy refresh, Duration minRefreshInterval, Duration maxRefreshLag) {

  public VisibilityConfig {
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
    Objects.requireNonNull(maxRefreshLag, "maxRefreshLag");
  }
}
