package dev.sightline.exporter.store;

import dev.sightline.exporter.batch.PendingDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the read model lives. Every method either completes or throws {@link StoreException};
 * callers keep their data on failure and retry.
 */
public interface DocumentStore extends DocumentReader, AutoCloseable {

  /**
   * Creates the index templates and indices if missing; idempotent and safe from several partitions
   * at once.
   */
  void ensureSchema();

  /**
   * Writes every document as a partial update with upsert: a document built from records of
   * different batches gains the new fields and keeps the old ones. Throws if any item was rejected.
   */
  void write(List<PendingDocument> documents);

  /**
   * A document's source, read in real time (visible before a refresh); empty if the document or its
   * index does not exist.
   */
  @Override
  Optional<Map<String, Object>> get(String index, String id);

  /** Deletes every index and template of this exporter; idempotent. */
  void purge();

  @Override
  void close();
}
