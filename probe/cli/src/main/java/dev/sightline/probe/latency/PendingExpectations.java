package dev.sightline.probe.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expectations not met yet, per index, oldest first. An id registered twice for one index keeps
 * its first (earliest) expectation: the document's first appearance is what is measured.
 *
 * <p>Not thread-safe: the poller's thread.
 */
final class PendingExpectations {

  private final Map<String, LinkedHashMap<String, Expectation>> byIndex = new LinkedHashMap<>();
  private int size;

  /**
   * @return false if the id was already pending for that index
   */
  boolean add(Expectation expectation) {
    var pending = byIndex.computeIfAbsent(expectation.index(), index -> new LinkedHashMap<>());
    if (pending.putIfAbsent(expectation.id(), expectation) != null) {
      return false;
    }
    size++;
    return true;
  }

  Set<String> indices() {
    return byIndex.keySet();
  }

  /** Up to {@code max} ids of the index, oldest first. */
  List<String> oldestIds(String index, int max) {
    var ids =
        new ArrayList<String>(
            Math.min(max, byIndex.getOrDefault(index, new LinkedHashMap<>()).size()));
    for (var id : byIndex.getOrDefault(index, new LinkedHashMap<>()).keySet()) {
      if (ids.size() == max) {
        break;
      }
      ids.add(id);
    }
    return ids;
  }

  Expectation remove(String index, String id) {
    var pending = byIndex.get(index);
    var removed = pending == null ? null : pending.remove(id);
    if (removed != null) {
      size--;
      if (pending.isEmpty()) {
        byIndex.remove(index);
      }
    }
    return removed;
  }

  /** Drops every expectation whose record is older than {@code cutoffMillis}; returns how many. */
  int dropOlderThan(long cutoffMillis) {
    var dropped = 0;
    for (var indexIterator = byIndex.values().iterator(); indexIterator.hasNext(); ) {
      var pending = indexIterator.next();
      for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
        if (iterator.next().recordTimestampMillis() < cutoffMillis) {
          iterator.remove();
          dropped++;
        }
      }
      if (pending.isEmpty()) {
        indexIterator.remove();
      }
    }
    size -= dropped;
    return dropped;
  }

  int size() {
    return size;
  }
}
