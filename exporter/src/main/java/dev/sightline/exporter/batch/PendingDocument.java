package dev.sightline.exporter.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields one batch will write to one document. Records of the same entity merge here, later
 * values winning, so an element's ACTIVATING, ACTIVATED and COMPLETED in one batch become one
 * write.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
public final class PendingDocument {

  private static final int DOCUMENT_OVERHEAD = 64;

  private final DocumentKey key;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private long estimatedBytes = DOCUMENT_OVERHEAD;
  private final boolean whole;
  private long lowestPosition = Long.MAX_VALUE;

  PendingDocument(DocumentKey key) {
    this(key, false);
  }

  PendingDocument(DocumentKey key, boolean whole) {
    this.key = key;
    this.whole = whole;
  }

  public DocumentKey key() {
    return key;
  }

  /**
   * Whether these fields are the whole document — the batch holds the record that created the
   * entity, or they continue the document as last written whole ({@link WrittenDocuments}) — so it
   * is written whole (an index operation), not merged into an existing one (a partial update, which
   * makes Elasticsearch read the current version first).
   */
  public boolean whole() {
    return whole;
  }

  /** The merged fields, read-only. */
  public Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  /**
   * The position of the first record merged into this pending write: until it is durable, nothing
   * from there on may be acknowledged. {@code Long.MAX_VALUE} until that record was accepted.
   */
  public long lowestPosition() {
    return lowestPosition;
  }

  void firstRecord(long position) {
    if (lowestPosition == Long.MAX_VALUE) {
      lowestPosition = position;
    }
  }

  public long estimatedBytes() {
    return estimatedBytes;
  }

  /** Merges fields in; returns the change of the size estimate. */
  long merge(Map<String, ?> update) {
    long before = estimatedBytes;
    for (var entry : update.entrySet()) {
      var existed = fields.containsKey(entry.getKey());
      var previous = fields.put(entry.getKey(), entry.getValue());
      if (existed) {
        estimatedBytes -= SizeEstimate.ofField(entry.getKey(), previous);
      }
      estimatedBytes += SizeEstimate.ofField(entry.getKey(), entry.getValue());
    }
    return estimatedBytes - before;
  }
}
