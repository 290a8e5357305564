package dev.sightline.exporter.store;

import dev.sightline.exporter.batch.DocumentKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What retention asks of the store (docs/operations.md, "Retention"): searches for finished root
 * instances, the instances they called and the documents that belong to instances, and deletes by
 * id. No scripts, no {@code _delete_by_query}: searches and {@code _bulk} deletes only, which every
 * supported engine has.
 *
 * <p>Every method sends its request without waiting; its future completes on any thread (the
 * client's I/O threads), or exceptionally with a {@link StoreException}. Searches see what a
 * refresh made searchable.
 */
public interface RetentionStore {

  /**
   * One document found.
   *
   * @param owner the instance it hangs from: the calling instance of a called instance, the owning
   *     instance of any other document; {@code -1} for a root instance
   * @param key the document's {@code key} (with {@code owner}, what searches sort and page by)
   * @param position its {@code position}, the last record applied to it ({@code Long.MAX_VALUE} if
   *     it has none)
   */
  record Found(String index, String id, long owner, long key, long position) {

    public DocumentKey documentKey() {
      return new DocumentKey(index, id);
    }
  }

  /** Makes what was written to the read model's instance indices searchable. */
  CompletableFuture<Void> refreshInstances();

  /**
   * Root instances (no {@code parentProcessInstanceKey}) of the partition, {@code COMPLETED} or
   * {@code CANCELED}, whose {@code endDate} is before {@code endedBeforeMillis} and whose {@code
   * position} is at most {@code maxPosition}: the oldest ended first, at most {@code size}.
   */
  CompletableFuture<List<Found>> finishedRoots(
      int partitionId, long endedBeforeMillis, long maxPosition, int size);

  /**
   * Instances whose {@code parentProcessInstanceKey} is one of {@code parents}, by (parent, key)
   * ascending, those after {@code after} (null: from the first), at most {@code size}.
   */
  CompletableFuture<List<Found>> calledInstances(Collection<Long> parents, Found after, int size);

  /**
   * Flow-node instances, variables, incidents, jobs and user tasks whose {@code processInstanceKey}
   * is one of {@code instances}, by (processInstanceKey, key) descending, those after {@code after}
   * (null: from the first), at most {@code size}.
   */
  CompletableFuture<List<Found>> belongingTo(Collection<Long> instances, Found after, int size);

  /**
   * Deletes documents by id in one {@code _bulk}. The future completes with the items not deleted
   * (none: all gone; a document that was gone already counts as deleted), or exceptionally when the
   * request got no answer or was refused whole.
   */
  CompletableFuture<BulkItemFailures> delete(List<DocumentKey> documents);
}
