package dev.sightline.probe.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expectations not met yet, per index and document id, oldest document first; a document may
 * have several (its creation and later updates, each at its position). An expectation registered
 * again — same stage and position for one document — keeps the first (earliest): for the first
 * appearance, that is what is measured.
 *
 * <p>Not thread-safe: the poller's thread.
 */
final class PendingExpectations {

  private final Map<String, LinkedHashMap<String, List<Expectation>>> byIndex =
      new LinkedHashMap<>();
  private int size;

  /**
   * @return false if the same expectation (stage, position) was already pending for the document
   */
  boolean add(Expectation expectation) {
    var pending = byIndex.computeIfAbsent(expectation.index(), index -> new LinkedHashMap<>());
    var ofDocument = pending.computeIfAbsent(expectation.id(), id -> new ArrayList<>(2));
    for (var other : ofDocument) {
      if (other.stage().equals(expectation.stage())
          && other.minPosition() == expectation.minPosition()) {
        return false;
      }
    }
    ofDocument.add(expectation);
    size++;
    return true;
  }

  Set<String> indices() {
    return byIndex.keySet();
  }

  /** Up to {@code max} ids of the index, oldest first. */
  List<String> oldestIds(String index, int max) {
    var pending = byIndex.get(index);
    if (pending == null) {
      return List.of();
    }
    var ids = new ArrayList<String>(Math.min(max, pending.size()));
    for (var id : pending.keySet()) {
      if (ids.size() == max) {
        break;
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * The document was found at {@code position}: removes and returns the expectations it meets; the
   * others (later positions) stay.
   */
  List<Expectation> met(String index, String id, long position) {
    var pending = byIndex.get(index);
    var ofDocument = pending == null ? null : pending.get(id);
    if (ofDocument == null) {
      return List.of();
    }
    var met = new ArrayList<Expectation>(ofDocument.size());
    for (var iterator = ofDocument.iterator(); iterator.hasNext(); ) {
      var expectation = iterator.next();
      if (expectation.metBy(position)) {
        met.add(expectation);
        iterator.remove();
      }
    }
    size -= met.size();
    if (ofDocument.isEmpty()) {
      pending.remove(id);
      if (pending.isEmpty()) {
        byIndex.remove(index);
      }
    }
    return met;
  }

  /** Drops every expectation whose record is older than {@code cutoffMillis}; returns how many. */
  int dropOlderThan(long cutoffMillis) {
    var dropped = 0;
    for (var indexIterator = byIndex.values().iterator(); indexIterator.hasNext(); ) {
      var pending = indexIterator.next();
      for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
        var ofDocument = iterator.next();
        var before = ofDocument.size();
        ofDocument.removeIf(expectation -> expectation.recordTimestampMillis() < cutoffMillis);
        dropped += before - ofDocument.size();
        if (ofDocument.isEmpty()) {
          iterator.remove();
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
