package dev.sightline.probe.report;

import java.util.Objects;

/**
 * How the watched index refreshed, read from its settings after the run: the situation a variant's
 * figures were measured under (docs/latency.md, "Search-idle shards").
 *
 * @param index the index the probe watched
 * @param interval its {@code index.refresh_interval}
 * @param explicit whether that was set on the index (or its template) rather than the default: only
 *     without it does a shard that gets no search for {@code searchIdleAfter} stop refreshing
 * @param searchIdleAfter its {@code index.search.idle.after}
 */
public record IndexRefresh(
    String index, String interval, boolean explicit, String searchIdleAfter) {

  public IndexRefresh {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(searchIdleAfter, "searchIdleAfter");
  }

  /** One line: the setting, and what it means for what was measured. */
  public String describe() {
    return explicit
        ? "%s: refresh_interval %s, set explicitly: refreshed on that schedule, searched or not"
            .formatted(index, interval)
        : ("%s: refresh_interval %s, the default (not set): a shard without a search for %s"
                + " (index.search.idle.after) stops refreshing until a search comes; the probe's"
                + " searches kept it active")
            .formatted(index, interval, searchIdleAfter);
  }
}
