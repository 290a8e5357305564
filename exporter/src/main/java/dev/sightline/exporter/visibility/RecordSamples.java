package dev.sightline.exporter.visibility;

import java.util.Arrays;

/**
 * The followed records of one document, in position order (a partition's records come in order):
 * position, record timestamp, value type and when the write that carries it became durable, in
 * primitive arrays.
 *
 * <p>Not thread-safe: the exporter's thread.
 */
final class RecordSamples {

  static final long NOT_DURABLE = Long.MIN_VALUE;

  private long[] positions = new long[4];
  private long[] timestampsMillis = new long[4];
  private long[] durableAtMillis = new long[4];
  private short[] valueTypes = new short[4];
  private int start;
  private int end;

  void add(long position, long timestampMillis, int valueTypeOrdinal) {
    if (end == positions.length) {
      grow();
    }
    positions[end] = position;
    timestampsMillis[end] = timestampMillis;
    valueTypes[end] = (short) valueTypeOrdinal;
    durableAtMillis[end] = NOT_DURABLE;
    end++;
  }

  /** Appends another document's records (a later write of the same document), in order. */
  void addAll(RecordSamples later) {
    for (var i = later.start; i < later.end; i++) {
      add(later.positions[i], later.timestampsMillis[i], later.valueTypes[i]);
      durableAtMillis[end - 1] = later.durableAtMillis[i];
    }
  }

  /** Every record not yet durable became durable now. */
  void durable(long nowMillis) {
    for (var i = start; i < end; i++) {
      if (durableAtMillis[i] == NOT_DURABLE) {
        durableAtMillis[i] = nowMillis;
      }
    }
  }

  int size() {
    return end - start;
  }

  boolean isEmpty() {
    return start == end;
  }

  long oldestDurableAtMillis() {
    return durableAtMillis[start];
  }

  /**
   * Removes the records at or below {@code position}, the oldest first, handing each to {@code
   * seen}; returns how many.
   */
  int removeUpTo(long position, Seen seen) {
    var removed = 0;
    while (start < end && positions[start] <= position) {
      seen.seen(timestampsMillis[start], valueTypes[start]);
      start++;
      removed++;
    }
    return removed;
  }

  /** Removes the records that became durable before {@code cutoffMillis}; returns how many. */
  int removeDurableBefore(long cutoffMillis) {
    var removed = 0;
    while (start < end
        && durableAtMillis[start] != NOT_DURABLE
        && durableAtMillis[start] < cutoffMillis) {
      start++;
      removed++;
    }
    return removed;
  }

  private void grow() {
    if (start > 0) { // reuse the space of records already removed
      var size = end - start;
      System.arraycopy(positions, start, positions, 0, size);
      System.arraycopy(timestampsMillis, start, timestampsMillis, 0, size);
      System.arraycopy(durableAtMillis, start, durableAtMillis, 0, size);
      System.arraycopy(valueTypes, start, valueTypes, 0, size);
      start = 0;
      end = size;
      if (end < positions.length) {
        return;
      }
    }
    var capacity = positions.length * 2;
    positions = Arrays.copyOf(positions, capacity);
    timestampsMillis = Arrays.copyOf(timestampsMillis, capacity);
    durableAtMillis = Arrays.copyOf(durableAtMillis, capacity);
    valueTypes = Arrays.copyOf(valueTypes, capacity);
  }

  /** Receives a record a search found. */
  @FunctionalInterface
  interface Seen {
    void seen(long timestampMillis, int valueTypeOrdinal);
  }
}
