package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When written documents become searchable.
 *
 * @param refresh who refreshes the indices
 * @param minRefreshInterval under {@link RefreshPolicy#AFTER_BULK}, the least time between two
 *     refreshes one partition asks for: caps their cost at any load
 */
public record VisibilityConfig(RefreshPolicy refresh, Duration minRefreshInterval) {

  public VisibilityConfig {
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
  }
}
