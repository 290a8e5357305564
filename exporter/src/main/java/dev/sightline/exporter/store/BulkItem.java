package dev.sightline.exporter.store;

import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.batch.PendingDocument;

/**
 * One bulk operation as the bytes Elasticsearch receives: its action line and its source line, each
 * ending in a newline, serialized once ({@link BulkLines}); a retry sends the same bytes.
 *
 * @param document the pending document the bytes were made from (null for documents of another
 *     shape, the record-index exporter's): what a store double applies and a dead letter keeps
 */
public record BulkItem(DocumentKey key, byte[] lines, PendingDocument document) {

  /** Bytes this item adds to a bulk request body. */
  public long bytes() {
    return lines.length;
  }
}
