package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.ProcessInstanceIndex.INCIDENT;
import static dev.sightline.exporter.schema.ProcessInstanceIndex.INCIDENT_COUNT_FROM_KEY;
import static dev.sightline.exporter.schema.ProcessInstanceIndex.INCIDENT_POSITION;
import static dev.sightline.exporter.schema.ProcessInstanceIndex.OPEN_INCIDENT_COUNT;
import static dev.sightline.exporter.schema.ProcessInstanceIndex.OPEN_INCIDENT_KEYS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one process-instance or flow-node-instance document's {@code incident} flag stands for: the
 * number of open incidents in its subtree, a sample of their keys, and the two marks that make
 * applying an incident event idempotent. Its size does not depend on how many incidents are open.
 *
 * <ul>
 *   <li>{@code lastPosition}: the position of the last incident event applied. Every incident of a
 *       call hierarchy is on one partition, so its events reach this document in log order; an
 *       event at or below the mark is a replay whose effect the count already holds.
 *   <li>{@code countedFromKey}: the key of the first incident counted since the document had no
 *       tally. Incident keys grow with the log, so a resolved incident with a smaller key was
 *       created before the exported history (or before a replayed activation rewrote the document)
 *       and was never counted: resolving it leaves the count alone.
 * </ul>
 *
 * @param openCount open incidents in the subtree
 * @param sampleKeys up to {@link #SAMPLE_SIZE} of them, sorted
 * @param lastPosition position of the last incident event applied, {@link #NONE} if none
 * @param countedFromKey key of the first incident counted, {@link #NONE} if none yet
 */
record IncidentTally(
    long openCount, List<Long> sampleKeys, long lastPosition, long countedFromKey) {

  /** Enough for a UI to link a few incidents; the incident index lists them all. */
  static final int SAMPLE_SIZE = 10;

  static final long NONE = -1;

  static final IncidentTally EMPTY = new IncidentTally(0, List.of(), NONE, NONE);

  IncidentTally {
    sampleKeys = List.copyOf(sampleKeys);
  }

  /** The tally after one incident event; itself when the event was applied before. */
  IncidentTally apply(long incidentKey, long position, boolean opened) {
    if (position <= lastPosition) {
      return this;
    }
    var sample = new ArrayList<>(sampleKeys);
    if (opened) {
      if (sample.size() < SAMPLE_SIZE && !sample.contains(incidentKey)) {
        sample.add(incidentKey);
        sample.sort(null);
      }
      var from = countedFromKey == NONE ? incidentKey : countedFromKey;
      return new IncidentTally(openCount + 1, sample, position, from);
    }
    sample.remove(incidentKey);
    var counted = countedFromKey != NONE && incidentKey >= countedFromKey;
    var count = counted ? Math.max(0, openCount - 1) : openCount;
    return new IncidentTally(count, sample, position, countedFromKey);
  }

  boolean incident() {
    return openCount > 0;
  }

  /**
   * The fields written together, so flag and count never disagree (both indices name them alike).
   */
  Map<String, Object> fields() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put(INCIDENT.name(), incident());
    fields.put(OPEN_INCIDENT_COUNT.name(), openCount);
    fields.put(OPEN_INCIDENT_KEYS.name(), sampleKeys);
    fields.put(INCIDENT_POSITION.name(), lastPosition);
    fields.put(INCIDENT_COUNT_FROM_KEY.name(), countedFromKey);
    return fields;
  }

  /**
   * The tally a document holds; {@link #EMPTY} when it has none (never flagged, or rewritten
   * whole).
   */
  static IncidentTally of(Map<String, Object> document) {
    if (!(document.get(OPEN_INCIDENT_COUNT.name()) instanceof Number count)) {
      return EMPTY;
    }
    var sample = new ArrayList<Long>();
    if (document.get(OPEN_INCIDENT_KEYS.name()) instanceof List<?> keys) {
      keys.forEach(key -> sample.add(((Number) key).longValue()));
    }
    return new IncidentTally(
        count.longValue(),
        sample,
        number(document.get(INCIDENT_POSITION.name())),
        number(document.get(INCIDENT_COUNT_FROM_KEY.name())));
  }

  /** Heap bytes, roughly: the record, its boxed numbers and the sample list (for the cache). */
  long estimatedBytes() {
    return 64 + 24L * sampleKeys.size();
  }

  private static long number(Object value) {
    return value instanceof Number number ? number.longValue() : NONE;
  }
}
