package dev.sightline.exporter.store;

import dev.sightline.exporter.batch.DocumentKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a schema upgrade's copy-forward asks of the store (docs/operations.md, "Upgrading the
 * schema"): which versions of an index exist, a page of one partition's documents in an older one,
 * {@code _bulk} creates into the current one and {@code _bulk} deletes from the older one. No
 * scripts, no {@code _reindex}: searches and bulks only, which every supported engine has.
 *
 * <p>Every method sends its request without waiting; its future completes on any thread (the
 * client's I/O threads), or exceptionally with a {@link StoreException}. Searches see what a
 * refresh made searchable.
 */
public interface UpgradeStore {

  /** One document as it is stored: its id and source. */
  record Source(String id, Map<String, Object> fields) {

    public Source {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
  }

  /**
   * The open indices whose names match any of the wildcard {@code patterns}, each with the aliases
   * it has (an empty map when none matches).
   */
  CompletableFuture<Map<String, Set<String>>> indices(List<String> patterns);

  /** Makes what was written to {@code index} searchable. */
  CompletableFuture<Void> refresh(String index);

  /**
   * At most {@code size} documents of {@code index} that belong to the partition: its {@code
   * partitionId}, or none at all (process definitions, which every partition writes), in no
   * particular order.
   */
  CompletableFuture<List<Source>> page(String index, int partitionId, int size);

  /**
   * Creates documents in {@code index} in one {@code _bulk} of {@code create} items. The future
   * completes with the items refused (a document with that id already there is refused with 409,
   * {@code version_conflict_engine_exception}), or exceptionally when the request got no answer or
   * was refused whole.
   */
  CompletableFuture<BulkItemFailures> create(String index, List<Source> documents);

  /**
   * The {@code position} of each document of {@code ids} in {@code index} that has one, read in
   * real time (a multi-get: what a refresh has not made searchable yet counts too).
   */
  CompletableFuture<Map<String, Long>> positions(String index, List<String> ids);

  /**
   * Deletes documents by id in one {@code _bulk}; a document that was gone already counts as
   * deleted. Completes as {@link #create} does.
   */
  CompletableFuture<BulkItemFailures> delete(List<DocumentKey> documents);
}
