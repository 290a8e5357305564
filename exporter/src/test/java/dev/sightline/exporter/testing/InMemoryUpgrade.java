package dev.sightline.exporter.testing;

import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.UpgradeStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link UpgradeStore} over an {@link InMemoryStore}'s documents, with Elasticsearch's semantics: a
 * {@code create} of an id that is there is refused with 409, a delete of a missing document counts
 * as done, a page holds documents of the partition or without one. It answers at once, on the
 * calling thread, unless told to hold its answers (the test releases them) or to fail some.
 */
public final class InMemoryUpgrade implements UpgradeStore {

  private final InMemoryStore store;
  private final List<String> requests = new ArrayList<>();
  private final Map<String, Integer> failuresToInject = new TreeMap<>();
  private final List<Runnable> held = new ArrayList<>();
  private boolean holding;
  private String holdFrom;
  private boolean dropDeletes;
  private java.util.function.Predicate<String> refusedIds = id -> false;

  InMemoryUpgrade(InMemoryStore store) {
    this.store = store;
  }

  /** The next {@code count} requests of a kind ({@code create}, {@code delete}, …) fail. */
  public void failNext(String request, int count) {
    failuresToInject.put(request, count);
  }

  /** From the next request of this kind on, requests are answered only by {@link #release}. */
  public void holdFrom(String request) {
    holdFrom = request;
  }

  /** Answers every request held so far and stops holding. */
  public void release() {
    holding = false;
    holdFrom = null;
    var answers = new ArrayList<>(held);
    held.clear();
    answers.forEach(Runnable::run);
  }

  /** Deletes are never answered: the exporter crashes before its deletes are done. */
  public void neverAnswerDeletes() {
    dropDeletes = true;
  }

  /** Deletes are answered again. */
  public void answerDeletes() {
    dropDeletes = false;
  }

  /**
   * Creates of these ids are refused for good, as a mapping that does not take a value refuses them
   * (400, {@code document_parsing_exception}); {@code id -> false} accepts all again.
   */
  public void refuseCreates(java.util.function.Predicate<String> ids) {
    refusedIds = ids;
  }

  /** Every request so far, by kind: {@code indices}, {@code refresh}, {@code page}, … */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public CompletableFuture<Map<String, Set<String>>> indices(List<String> patterns) {
    return answer(
        "indices",
        () -> {
          var found = new TreeMap<String, Set<String>>();
          for (var index : store.indexNames()) {
            if (patterns.stream().anyMatch(pattern -> glob(pattern).matcher(index).matches())) {
              found.put(index, Set.of());
            }
          }
          return found;
        });
  }

  @Override
  public CompletableFuture<Void> refresh(String index) {
    return answer("refresh", () -> null);
  }

  @Override
  public CompletableFuture<List<Source>> page(String index, int partitionId, int size) {
    return answer(
        "page",
        () ->
            store.index(index).entrySet().stream()
                .filter(
                    document ->
                        !(document.getValue().get(ReadModelSchema.PARTITION_ID)
                                instanceof Number partition)
                            || partition.intValue() == partitionId)
                .limit(size)
                .map(document -> new Source(document.getKey(), document.getValue()))
                .toList());
  }

  @Override
  public CompletableFuture<BulkItemFailures> create(String index, List<Source> documents) {
    return answer(
        "create",
        () -> {
          var failures = new BulkItemFailures.Collector();
          for (var document : documents) {
            if (refusedIds.test(document.id())) {
              failures.add(
                  "document_parsing_exception",
                  index,
                  document.id(),
                  400,
                  "[1:2] failed to parse field [state] of type [keyword]");
            } else if (!store.putIfAbsent(
                index, document.id(), new LinkedHashMap<>(document.fields()))) {
              failures.add(
                  "version_conflict_engine_exception",
                  index,
                  document.id(),
                  409,
                  "[" + document.id() + "]: version conflict, document already exists");
            }
          }
          return failures.build();
        });
  }

  @Override
  public CompletableFuture<Map<String, Long>> positions(String index, List<String> ids) {
    return answer(
        "positions",
        () -> {
          var positions = new TreeMap<String, Long>();
          for (var id : ids) {
            if (store.index(index).get(id) != null
                && store.index(index).get(id).get(ReadModelSchema.POSITION) instanceof Number p) {
              positions.put(id, p.longValue());
            }
          }
          return positions;
        });
  }

  @Override
  public CompletableFuture<BulkItemFailures> delete(List<DocumentKey> documents) {
    if (dropDeletes) {
      requests.add("delete");
      return new CompletableFuture<>();
    }
    return answer(
        "delete",
        () -> {
          documents.forEach(document -> store.remove(document.index(), document.id()));
          return BulkItemFailures.NONE;
        });
  }

  private <T> CompletableFuture<T> answer(String request, Supplier<T> result) {
    requests.add(request);
    var left = failuresToInject.getOrDefault(request, 0);
    if (store.isDown()) {
      return CompletableFuture.failedFuture(
          new StoreException(
              request + " failed: Elasticsearch unreachable (test: store down)", null));
    }
    if (left > 0) {
      failuresToInject.put(request, left - 1);
      return CompletableFuture.failedFuture(
          new StoreException(request + " failed: Elasticsearch unreachable (test)", null));
    }
    holding |= request.equals(holdFrom);
    if (!holding) {
      return CompletableFuture.completedFuture(result.get());
    }
    var answer = new CompletableFuture<T>();
    held.add(() -> answer.complete(result.get()));
    return answer;
  }

  private static Pattern glob(String pattern) {
    return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("\\Q\\E", ""));
  }
}
