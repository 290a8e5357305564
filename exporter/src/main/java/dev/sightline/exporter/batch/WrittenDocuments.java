package dev.sightline.exporter.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole documents this exporter wrote last, least recently used first, bounded in bytes: a
 * later change of one of them is written whole again (its fields merged into these) instead of as a
 * partial update, which would make Elasticsearch read the document in real time — and refresh the
 * shard's internal reader when the document was written less than a refresh interval ago, the usual
 * case for a busy entity (docs/benchmarks.md).
 *
 * <p>Sound only where this exporter is the document's only writer and saw every write since the
 * whole one: a partial or rejected write forgets the document. Not thread-safe: the exporter's
 * thread.
 */
public final class WrittenDocuments {

  private final long maxBytes;
  private final long maxDocumentBytes;
  private final LinkedHashMap<DocumentKey, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  private record Entry(Map<String, Object> fields, long bytes) {}

  /**
   * @param maxBytes estimated bytes of all documents kept
   * @param maxDocumentBytes larger documents (a variable with a big value) are not kept
   */
  public WrittenDocuments(long maxBytes, long maxDocumentBytes) {
    if (maxBytes < 1 || maxDocumentBytes < 1) {
      throw new IllegalArgumentException(
          "maxBytes and maxDocumentBytes must be positive, got %d and %d"
              .formatted(maxBytes, maxDocumentBytes));
    }
    this.maxBytes = maxBytes;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  Optional<Map<String, Object>> get(DocumentKey key) {
    return Optional.ofNullable(entries.get(key)).map(Entry::fields);
  }

  /** A whole document as Elasticsearch now holds it. */
  void written(PendingDocument document) {
    forget(document.key());
    if (document.estimatedBytes() > maxDocumentBytes) {
      return;
    }
    entries.put(
        document.key(),
        new Entry(new LinkedHashMap<>(document.fields()), document.estimatedBytes()));
    bytes += document.estimatedBytes();
    var eldest = entries.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      bytes -= eldest.next().getValue().bytes();
      eldest.remove();
    }
  }

  /**
   * A document written partially, or not at all: what Elasticsearch holds is no longer known here.
   */
  void forget(DocumentKey key) {
    var removed = entries.remove(key);
    if (removed != null) {
      bytes -= removed.bytes();
    }
  }

  int size() {
    return entries.size();
  }

  long bytes() {
    return bytes;
  }
}
