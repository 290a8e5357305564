package dev.sightline.exporter.retention;

import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.RetentionStore;
import dev.sightline.exporter.store.RetentionStore.Found;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One retention run over the call hierarchies of one partition whose root instance ended before a
 * cutoff (docs/operations.md, "Retention"):
 *
 * <ol>
 *   <li>refresh, so that every acknowledged write is searchable;
 *   <li>find at most {@code batchSize} finished roots, the oldest ended first, whose position is
 *       settled (no replay can export their records again);
 *   <li>find the instances they called, level by level ({@code parentProcessInstanceKey}), with at
 *       most half the document budget, each level taking at most half of what is left;
 *   <li>find the documents that belong to those instances with the rest of the budget, the newest
 *       instances first (a called instance has a larger key than its caller);
 *   <li>delete those documents, then the instances whose every document and called instance is
 *       gone, the deepest level first and the roots last.
 * </ol>
 *
 * <p>So a root document is deleted only after everything below it, and an instance only after
 * everything below it: whatever stops a run (a failure, the budget) leaves every remaining document
 * reachable from a remaining root, which the next run finds again. In a hierarchy where any
 * document's position is beyond the settled one, nothing is deleted.
 *
 * <p>Threading: {@link #start} sends the first request on the calling thread; the rest runs on the
 * threads that complete the store's futures. A run's state is its own, handed from one step to the
 * next by its futures; nothing in it touches the broker's controller.
 */
final class RetentionRun {

  /** Hits one search page asks for at most. */
  static final int PAGE = 1_000;

  /** Documents one delete request carries at most. */
  static final int DELETE_CHUNK = 1_000;

  /** What a run did. */
  record Outcome(
      int rootsFound, int rootsDeleted, int calledInstancesDeleted, int otherDocumentsDeleted) {

    int documentsDeleted() {
      return rootsDeleted + calledInstancesDeleted + otherDocumentsDeleted;
    }
  }

  /** A process instance found: a root or a called instance. */
  private static final class Instance {
    final Found found;
    final Instance parent;
    final Instance root;
    final List<Instance> called = new ArrayList<>();
    final List<Found> documents = new ArrayList<>();
    boolean expanded; // every instance it called is among the instances found
    boolean documentsComplete; // every document that belongs to it is among those found
    boolean unsettled; // something in its hierarchy was written by a record not settled yet
    boolean documentNotDeleted;
    boolean deleted;

    Instance(Found found, Instance parent) {
      this.found = found;
      this.parent = parent;
      this.root = parent == null ? this : parent.root;
    }

    long key() {
      return found.key();
    }

    boolean deletable() {
      return expanded
          && documentsComplete
          && !root.unsettled
          && !documentNotDeleted
          && called.stream().allMatch(child -> child.deleted);
    }
  }

  /** Found documents and whether the search ended before the budget did. */
  private record Scan(List<Found> found, boolean complete) {}

  @FunctionalInterface
  private interface PageQuery {
    CompletableFuture<List<Found>> page(Collection<Long> keys, Found after, int size);
  }

  private final RetentionStore store;
  private final int partitionId;
  private final long endedBeforeMillis;
  private final long settledPosition;
  private final int batchSize;
  private final int maxDocuments;

  private final Map<Long, Instance> instances = new HashMap<>();
  private final List<List<Instance>> levels = new ArrayList<>();
  private int budget;
  private int rootsFound;
  private int otherDeleted;

  /**
   * @param endedBeforeMillis roots that ended before this are due
   * @param settledPosition the highest record position no replay can export again
   */
  RetentionRun(
      RetentionStore store,
      int partitionId,
      long endedBeforeMillis,
      long settledPosition,
      int batchSize,
      int maxDocuments) {
    this.store = store;
    this.partitionId = partitionId;
    this.endedBeforeMillis = endedBeforeMillis;
    this.settledPosition = settledPosition;
    this.batchSize = batchSize;
    this.maxDocuments = maxDocuments;
    this.budget = maxDocuments;
  }

  CompletableFuture<Outcome> start() {
    return store
        .refreshInstances()
        .thenCompose(
            refreshed ->
                store.finishedRoots(partitionId, endedBeforeMillis, settledPosition, batchSize))
        .thenCompose(
            roots -> {
              rootsFound = roots.size();
              if (roots.isEmpty()) {
                return CompletableFuture.completedFuture(null);
              }
              var level = roots.stream().map(root -> add(root, null)).toList();
              levels.add(level);
              return discover(level, maxDocuments / 2);
            })
        .thenCompose(discovered -> instances.isEmpty() ? done() : findDocuments())
        .thenCompose(found -> instances.isEmpty() ? done() : deleteDocuments())
        .thenCompose(deleted -> deleteInstances(levels.size() - 1))
        .thenApply(deleted -> outcome());
  }

  private Instance add(Found found, Instance parent) {
    var instance = new Instance(found, parent);
    if (found.position() > settledPosition) {
      instance.root.unsettled = true;
    }
    instances.put(found.key(), instance);
    if (parent != null) {
      parent.called.add(instance);
    }
    return instance;
  }

  /**
   * Finds the instances {@code frontier} called, then theirs, each level taking at most half of
   * what is left of {@code remaining}, so that levels below a wide one still get searched. An
   * instance is expanded when the search of its level ended within the budget, or when the search
   * (sorted by parent) went past it.
   */
  private CompletableFuture<Void> discover(List<Instance> frontier, int remaining) {
    if (frontier.isEmpty() || remaining < 1) {
      return done();
    }
    var limit = Math.max(1, remaining / 2);
    var keys = frontier.stream().map(Instance::key).toList();
    return scan(store::calledInstances, keys, limit)
        .thenCompose(
            scan -> {
              budget -= scan.found().size();
              var lastParent = scan.complete() ? Long.MAX_VALUE : scan.found().getLast().owner();
              frontier.forEach(parent -> parent.expanded = parent.key() < lastParent);
              var next = new ArrayList<Instance>();
              for (var hit : scan.found()) {
                var parent = instances.get(hit.owner());
                if (parent != null && !instances.containsKey(hit.key())) {
                  next.add(add(hit, parent));
                }
              }
              if (!next.isEmpty()) {
                levels.add(next);
              }
              return discover(next, remaining - scan.found().size());
            });
  }

  /**
   * Finds the documents of every instance found with what is left of the budget, newest instance
   * first; an instance's documents are complete when the search ended within the budget or went
   * past it.
   */
  private CompletableFuture<Void> findDocuments() {
    if (budget < 1) {
      return done();
    }
    var keys = new ArrayList<>(instances.keySet());
    return scan(store::belongingTo, keys, budget)
        .thenAccept(
            scan -> {
              var lastOwner = scan.complete() ? Long.MIN_VALUE : scan.found().getLast().owner();
              instances.values().forEach(i -> i.documentsComplete = i.key() > lastOwner);
              for (var document : scan.found()) {
                var owner = instances.get(document.owner());
                if (owner != null) {
                  owner.documents.add(document);
                  if (document.position() > settledPosition) {
                    owner.root.unsettled = true;
                  }
                }
              }
            });
  }

  /** Pages through a sorted search until it ends or {@code limit} hits were read. */
  private CompletableFuture<Scan> scan(PageQuery query, List<Long> keys, int limit) {
    return page(query, keys, limit, new ArrayList<>(), null);
  }

  private CompletableFuture<Scan> page(
      PageQuery query, List<Long> keys, int limit, List<Found> found, Found after) {
    var size = Math.min(PAGE, limit - found.size());
    return query
        .page(keys, after, size)
        .thenCompose(
            hits -> {
              found.addAll(hits);
              if (hits.size() < size) {
                return CompletableFuture.completedFuture(new Scan(found, true));
              }
              if (found.size() >= limit) {
                return CompletableFuture.completedFuture(new Scan(found, false));
              }
              return page(query, keys, limit, found, hits.getLast());
            });
  }

  /**
   * Deletes every document found, whether or not its instance can go in this run, except in a
   * hierarchy where something is not settled: there nothing is deleted.
   */
  private CompletableFuture<Void> deleteDocuments() {
    var owners = new HashMap<DocumentKey, Instance>();
    for (var instance : instances.values()) {
      if (!instance.root.unsettled) {
        instance.documents.forEach(document -> owners.put(document.documentKey(), instance));
      }
    }
    return deleteInChunks(
        new ArrayList<>(owners.keySet()),
        notDeleted -> {
          otherDeleted += owners.size() - notDeleted.size();
          notDeleted.forEach(key -> owners.get(key).documentNotDeleted = true);
        });
  }

  /** The instances of one level that can go, then the level above, the roots last. */
  private CompletableFuture<Void> deleteInstances(int level) {
    if (level < 0) {
      return done();
    }
    var deletable = new HashMap<DocumentKey, Instance>();
    for (var instance : levels.get(level)) {
      if (instance.deletable()) {
        deletable.put(instance.found.documentKey(), instance);
      }
    }
    return deleteInChunks(
            new ArrayList<>(deletable.keySet()),
            notDeleted ->
                deletable.forEach((key, instance) -> instance.deleted = !notDeleted.contains(key)))
        .thenCompose(deleted -> deleteInstances(level - 1));
  }

  /**
   * Deletes in requests of at most {@link #DELETE_CHUNK} documents, one after the other, and hands
   * over the documents not deleted. A request that fails whole fails the run.
   */
  private CompletableFuture<Void> deleteInChunks(
      List<DocumentKey> documents, Consumer<Set<DocumentKey>> result) {
    var notDeleted = new HashSet<DocumentKey>();
    var chain = done();
    for (var from = 0; from < documents.size(); from += DELETE_CHUNK) {
      var chunk = documents.subList(from, Math.min(documents.size(), from + DELETE_CHUNK));
      chain =
          chain
              .thenCompose(previous -> store.delete(List.copyOf(chunk)))
              .thenAccept(failures -> notDeleted.addAll(keys(failures)));
    }
    return chain.thenAccept(all -> result.accept(notDeleted));
  }

  private static Set<DocumentKey> keys(BulkItemFailures failures) {
    var keys = new HashSet<DocumentKey>();
    failures.items().forEach(item -> keys.add(new DocumentKey(item.index(), item.id())));
    return keys;
  }

  private Outcome outcome() {
    var called = 0;
    for (var level = 1; level < levels.size(); level++) {
      called += deletedAt(level);
    }
    return new Outcome(rootsFound, levels.isEmpty() ? 0 : deletedAt(0), called, otherDeleted);
  }

  private int deletedAt(int level) {
    return (int) levels.get(level).stream().filter(instance -> instance.deleted).count();
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}
