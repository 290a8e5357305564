package dev.sightline.exporter.testing;

import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.schema.IncidentIndex;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.JobIndex;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.UserTaskIndex;
import dev.sightline.exporter.schema.VariableIndex;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.RetentionStore;
import dev.sightline.exporter.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * {@link RetentionStore} over an {@link InMemoryStore}'s documents, with Elasticsearch's query
 * semantics (filters, sort orders, {@code search_after}, a delete of a missing document counting as
 * done). It answers at once, on the calling thread. It can be told to fail: every request after a
 * number of deletes (a run that stops half-way), or some documents' deletes item by item.
 */
public final class InMemoryRetention implements RetentionStore {

  private static final String POSITION = ReadModelSchema.POSITION;

  private final InMemoryStore store;
  private final List<String> requests = new ArrayList<>();
  private int deletesLeftBeforeFailing = Integer.MAX_VALUE;
  private Predicate<DocumentKey> refused = key -> false;

  InMemoryRetention(InMemoryStore store) {
    this.store = store;
  }

  /** After {@code deletes} more delete requests, every request fails until {@link #heal}. */
  public void failAfterDeletes(int deletes) {
    deletesLeftBeforeFailing = deletes;
  }

  /** Deletes of these documents are refused item by item, as a block on one index would be. */
  public void refuseDeletes(Predicate<DocumentKey> documents) {
    refused = documents;
  }

  public void heal() {
    deletesLeftBeforeFailing = Integer.MAX_VALUE;
    refused = key -> false;
  }

  /** Every request so far, by kind: {@code refresh}, {@code roots}, {@code called} and so on. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public CompletableFuture<Void> refreshInstances() {
    return answer("refresh", () -> null);
  }

  @Override
  public CompletableFuture<List<Found>> finishedRoots(
      int partitionId, long endedBeforeMillis, long maxPosition, int size) {
    return answer(
        "roots",
        () ->
            documents(ProcessInstanceIndex.DESCRIPTOR).stream()
                .filter(
                    d ->
                        number(d.fields(), "partitionId") == partitionId
                            && List.of("COMPLETED", "CANCELED").contains(d.fields().get("state"))
                            && d.fields().get("endDate") instanceof String end
                            && Instant.parse(end).toEpochMilli() < endedBeforeMillis
                            && position(d.fields()) <= maxPosition
                            && !d.fields().containsKey("parentProcessInstanceKey"))
                .sorted(
                    Comparator.comparing(
                            (Doc d) -> Instant.parse((String) d.fields().get("endDate")))
                        .thenComparingLong(d -> number(d.fields(), "key")))
                .limit(size)
                .map(d -> new Found(d.index(), d.id(), -1, key(d), position(d.fields())))
                .toList());
  }

  @Override
  public CompletableFuture<List<Found>> calledInstances(
      Collection<Long> parents, Found after, int size) {
    var wanted = new HashSet<>(parents);
    Comparator<Found> order = Comparator.comparingLong(Found::owner).thenComparingLong(Found::key);
    return answer(
        "called",
        () ->
            documents(ProcessInstanceIndex.DESCRIPTOR).stream()
                .filter(d -> wanted.contains(number(d.fields(), "parentProcessInstanceKey")))
                .map(
                    d ->
                        new Found(
                            d.index(),
                            d.id(),
                            number(d.fields(), "parentProcessInstanceKey"),
                            key(d),
                            position(d.fields())))
                .sorted(order)
                .filter(found -> after == null || order.compare(found, after) > 0)
                .limit(size)
                .toList());
  }

  @Override
  public CompletableFuture<List<Found>> belongingTo(
      Collection<Long> instances, Found after, int size) {
    var wanted = new HashSet<>(instances);
    Comparator<Found> order =
        Comparator.comparingLong(Found::owner).thenComparingLong(Found::key).reversed();
    return answer(
        "belonging",
        () ->
            List.of(
                    FlowNodeInstanceIndex.DESCRIPTOR,
                    VariableIndex.DESCRIPTOR,
                    IncidentIndex.DESCRIPTOR,
                    JobIndex.DESCRIPTOR,
                    UserTaskIndex.DESCRIPTOR)
                .stream()
                .flatMap(descriptor -> documents(descriptor).stream())
                .filter(d -> wanted.contains(number(d.fields(), "processInstanceKey")))
                .map(
                    d ->
                        new Found(
                            d.index(),
                            d.id(),
                            number(d.fields(), "processInstanceKey"),
                            key(d),
                            position(d.fields())))
                .sorted(order)
                .filter(found -> after == null || order.compare(found, after) > 0)
                .limit(size)
                .toList());
  }

  @Override
  public CompletableFuture<BulkItemFailures> delete(List<DocumentKey> documents) {
    var result =
        answer(
            "delete",
            () -> {
              var failures = new BulkItemFailures.Collector();
              for (var document : documents) {
                if (refused.test(document)) {
                  failures.add(
                      "cluster_block_exception",
                      document.index(),
                      document.id(),
                      403,
                      "index [" + document.index() + "] blocked by the test");
                } else {
                  store.remove(document.index(), document.id());
                }
              }
              return failures.build();
            });
    deletesLeftBeforeFailing--;
    return result;
  }

  private record Doc(String index, String id, Map<String, Object> fields) {}

  private List<Doc> documents(IndexDescriptor descriptor) {
    var suffix = "-" + descriptor.name() + "-v" + descriptor.version();
    var found = new ArrayList<Doc>();
    for (var index : store.indexNames()) {
      if (index.endsWith(suffix)) {
        store.index(index).forEach((id, fields) -> found.add(new Doc(index, id, fields)));
      }
    }
    return found;
  }

  private <T> CompletableFuture<T> answer(String request, java.util.function.Supplier<T> result) {
    requests.add(request);
    if (deletesLeftBeforeFailing <= 0) {
      return CompletableFuture.failedFuture(
          new StoreException(request + " failed: Elasticsearch unreachable (test)", null));
    }
    return CompletableFuture.completedFuture(result.get());
  }

  private static long key(Doc doc) {
    return doc.fields().get("key") instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }

  private static long number(Map<String, Object> fields, String field) {
    return fields.get(field) instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }

  private static long position(Map<String, Object> fields) {
    return fields.get(POSITION) instanceof Number n ? n.longValue() : Long.MAX_VALUE;
  }
}
