package dev.sightline.exporter.store;

import dev.sightline.exporter.batch.PendingDocument;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the read model lives. Every synchronous method either completes or throws {@link
 * StoreException}; callers keep their data on failure and retry. {@link #bulk} and {@link #refresh}
 * do not wait: their futures complete on the client's threads, and callers hand the outcome over to
 * their own thread (the exporter's {@code Flusher}).
 */
public interface DocumentStore extends DocumentReader, AutoCloseable {

  /**
   * Creates the index templates and indices if missing, and the read aliases over the versions of
   * each index; idempotent and safe from several partitions at once.
   */
  void ensureSchema();

  /** The engine found at the first {@link #ensureSchema}; empty before, or for a test double. */
  default Optional<Engine> engine() {
    return Optional.empty();
  }

  /**
   * Writes the documents and waits for the answer (dead letters, writers that go batch by batch):
   * each indexed whole if it is known whole ({@link PendingDocument#whole}), else as a partial
   * update with upsert, so a document built from records of different batches gains the new fields
   * and keeps the old ones. Throws if any item was rejected.
   */
  void write(List<PendingDocument> documents);

  /**
   * Sends one bulk of items serialized before, without waiting for it. The future completes — on
   * any thread: callers only hand the outcome over to their own — with the items Elasticsearch
   * rejected (none: all written), or exceptionally with a {@link StoreException} when the request
   * got no answer or was refused whole. This default writes synchronously on the calling thread
   * (for doubles and tools that need no pipelining).
   *
   * @param refresh ask Elasticsearch to refresh the shards written before it answers
   */
  default CompletableFuture<BulkItemFailures> bulk(List<BulkItem> items, boolean refresh) {
    try {
      write(items.stream().map(BulkItem::document).toList());
      return CompletableFuture.completedFuture(BulkItemFailures.NONE);
    } catch (StoreException e) {
      return e.itemFailures().isPresent()
          ? CompletableFuture.completedFuture(e.itemFailures().get())
          : CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Makes what was written to these indices searchable ({@code POST <indices>/_refresh}), without
   * waiting; completes exceptionally with a {@link StoreException} on failure. The default does
   * nothing (a double's writes are visible at once).
   */
  default CompletableFuture<Void> refresh(Collection<String> indices) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Searches, as a user's query does (refreshed documents only, never asking for a refresh), for
   * documents by id in several indices at once, without waiting; the future completes — on any
   * thread — with each document found and its {@code position}, or exceptionally with a {@link
   * StoreException}. The default finds nothing (a store without search).
   */
  default CompletableFuture<List<DocumentPosition>> positions(
      Map<String, List<String>> idsByIndex) {
    return CompletableFuture.completedFuture(List.of());
  }

  /**
   * A document's source, read in real time (visible before a refresh); empty if the document or its
   * index does not exist.
   */
  @Override
  Optional<Map<String, Object>> get(String index, String id);

  /**
   * Searches and deletes for retention (docs/operations.md, "Retention"); empty for a store that
   * has none (a double or tool that never removes anything).
   */
  default Optional<RetentionStore> retention() {
    return Optional.empty();
  }

  /**
   * Searches, creates and deletes for a schema upgrade's copy-forward (docs/operations.md,
   * "Upgrading the schema"); empty for a store that has none (a double or tool with one version
   * only: nothing to upgrade).
   */
  default Optional<UpgradeStore> upgrade() {
    return Optional.empty();
  }

  /** Deletes every index and template of this exporter; idempotent. */
  void purge();

  @Override
  void close();
}
