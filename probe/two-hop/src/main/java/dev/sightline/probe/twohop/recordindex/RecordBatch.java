package dev.sightline.probe.twohop.recordindex;

import java.util.ArrayList;
import java.util.List;

/**
 * Record documents waiting for the next bulk, with the totals the flush policy needs. Not
 * thread-safe.
 */
final class RecordBatch {

  private final List<RecordDocument> documents = new ArrayList<>();
  private long bytes;
  private long oldestAtMillis = -1;
  private long highestPosition = -1;

  void add(RecordDocument document, long position, long nowMillis) {
    documents.add(document);
    bytes += document.source().length;
    seen(position, nowMillis);
  }

  /**
   * A record that is not indexed (a command, a value type not exported) still moves the position.
   */
  void skip(long position) {
    highestPosition = Math.max(highestPosition, position);
  }

  private void seen(long position, long nowMillis) {
    if (oldestAtMillis < 0) {
      oldestAtMillis = nowMillis;
    }
    highestPosition = Math.max(highestPosition, position);
  }

  boolean isEmpty() {
    return documents.isEmpty() && highestPosition < 0;
  }

  int size() {
    return documents.size();
  }

  long bytes() {
    return bytes;
  }

  long oldestAtMillis() {
    return oldestAtMillis;
  }

  long highestPosition() {
    return highestPosition;
  }

  List<RecordDocument> documents() {
    return List.copyOf(documents);
  }

  void clear() {
    documents.clear();
    bytes = 0;
    oldestAtMillis = -1;
    highestPosition = -1;
  }
}
