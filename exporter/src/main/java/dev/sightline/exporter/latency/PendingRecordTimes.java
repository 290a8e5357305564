package dev.sightline.exporter.latency;

import java.util.Arrays;

/**
 * The times of every record in the pending batch, in primitive arrays: record timestamp, when
 * {@code export} accepted it, and its value type. Appending allocates only when the arrays grow
 * (doubling); after a batch of more than {@value #SHRINK_ABOVE} records the arrays shrink back on
 * {@link #clear()}.
 *
 * <p>Not thread-safe: owned by the exporter's thread.
 */
final class PendingRecordTimes {

  static final int INITIAL_CAPACITY = 1024;
  static final int SHRINK_ABOVE = 1 << 16;

  private long[] recordTimestampMillis = new long[INITIAL_CAPACITY];
  private long[] exportCalledMillis = new long[INITIAL_CAPACITY];
  private short[] valueTypeOrdinals = new short[INITIAL_CAPACITY];
  private int size;

  void add(long recordTimestampMillis, long exportCalledMillis, int valueTypeOrdinal) {
    if (size == this.recordTimestampMillis.length) {
      resize(size * 2);
    }
    this.recordTimestampMillis[size] = recordTimestampMillis;
    this.exportCalledMillis[size] = exportCalledMillis;
    this.valueTypeOrdinals[size] = (short) valueTypeOrdinal;
    size++;
  }

  int size() {
    return size;
  }

  long recordTimestampMillis(int index) {
    return recordTimestampMillis[index];
  }

  long exportCalledMillis(int index) {
    return exportCalledMillis[index];
  }

  int valueTypeOrdinal(int index) {
    return valueTypeOrdinals[index];
  }

  int capacity() {
    return recordTimestampMillis.length;
  }

  void clear() {
    if (recordTimestampMillis.length > SHRINK_ABOVE) {
      recordTimestampMillis = new long[INITIAL_CAPACITY];
      exportCalledMillis = new long[INITIAL_CAPACITY];
      valueTypeOrdinals = new short[INITIAL_CAPACITY];
    }
    size = 0;
  }

  private void resize(int capacity) {
    recordTimestampMillis = Arrays.copyOf(recordTimestampMillis, capacity);
    exportCalledMillis = Arrays.copyOf(exportCalledMillis, capacity);
    valueTypeOrdinals = Arrays.copyOf(valueTypeOrdinals, capacity);
  }
}
