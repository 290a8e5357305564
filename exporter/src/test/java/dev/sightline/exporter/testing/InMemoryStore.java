package dev.sightline.exporter.testing;

import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store double with Elasticsearch's partial-update-with-upsert semantics, that can be told to
 * fail. Every successful write is recorded, so tests can count writes per document. Like
 * Elasticsearch it refuses ids over 512 bytes, and an index dropped with {@link #dropIndex} refuses
 * writes (as with {@code action.auto_create_index=false}) until the schema is created again.
 */
public final class InMemoryStore implements DocumentStore {

  private final Map<String, Map<String, Map<String, Object>>> indices = new TreeMap<>();
  private final List<List<PendingDocument>> writes = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final java.util.Set<String> droppedIndices = new java.util.TreeSet<>();
  private final List<String> calls = new ArrayList<>();
  private final List<PendingDocument> refused = new ArrayList<>();
  private int failuresToInject;
  private boolean down;
  private int schemaCalls;
  private int gets;
  private int searches;
  private boolean searchesHeld;
  private boolean closed;
  private final InMemoryRetention retention = new InMemoryRetention(this);
  private final InMemoryUpgrade upgrade = new InMemoryUpgrade(this);

  /** The next {@code count} calls fail as if Elasticsearch were unreachable. */
  public void failNext(int count) {
    failuresToInject = count;
  }

  /** Every call fails until {@code setDown(false)}. */
  public void setDown(boolean down) {
    this.down = down;
  }

  boolean isDown() {
    return down;
  }

  private record Rejection(
      java.util.function.Predicate<PendingDocument> predicate,
      int status,
      String type,
      String reason) {}

  @Override
  public void ensureSchema() {
    maybeFail("ensure schema");
    schemaCalls++;
    calls.add("ensureSchema");
    droppedIndices.clear();
  }

  /**
   * Documents matching the predicate are rejected item by item, like Elasticsearch rejects bulk
   * items; adds to the rejections set before (the first that matches a document decides).
   */
  public void reject(
      java.util.function.Predicate<PendingDocument> predicate, int status, String type) {
    reject(predicate, status, type, "rejected by the test");
  }

  /** {@link #reject} with Elasticsearch's reason. */
  public void reject(
      java.util.function.Predicate<PendingDocument> predicate,
      int status,
      String type,
      String reason) {
    rejections.add(new Rejection(predicate, status, type, reason));
  }

  /** Rejects nothing any more (a block was lifted, privileges granted). */
  public void stopRejecting() {
    rejections.clear();
  }

  /** Deletes an index; writes to it are refused with 404 until the schema is created again. */
  public void dropIndex(String name) {
    indices.remove(name);
    droppedIndices.add(name);
  }

  @Override
  public void write(List<PendingDocument> documents) {
    maybeFail("bulk");
    var failures = new dev.sightline.exporter.store.BulkItemFailures.Collector();
    var accepted = new java.util.ArrayList<PendingDocument>();
    for (var document : documents) {
      var index = document.key().index();
      var id = document.key().id();
      var idBytes = id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      var rejection = rejections.stream().filter(r -> r.predicate().test(document)).findFirst();
      if (idBytes > 512) {
        failures.add(
            "action_request_validation_exception",
            index,
            id,
            400,
            "Validation Failed: 1: id ["
                + id
                + "] is too long, must be no longer than 512 bytes but was: "
                + idBytes
                + ";");
      } else if (droppedIndices.contains(index)) {
        failures.add("index_not_found_exception", index, id, 404, "no such index [" + index + "]");
      } else if (rejection.isPresent()) {
        refused.add(document);
        failures.add(
            rejection.get().type(), index, id, rejection.get().status(), rejection.get().reason());
      } else {
        accepted.add(document);
      }
    }
    apply(accepted);
    if (!failures.isEmpty()) {
      throw new StoreException(failures.build());
    }
  }

  private void apply(List<PendingDocument> documents) {
    writes.add(List.copyOf(documents));
    for (var document : documents) {
      var index = indices.computeIfAbsent(document.key().index(), name -> new TreeMap<>());
      if (document.whole()) { // an index operation replaces the document, as Elasticsearch does
        index.put(document.key().id(), new LinkedHashMap<>(document.fields()));
      } else { // a partial update with doc_as_upsert merges
        index
            .computeIfAbsent(document.key().id(), id -> new LinkedHashMap<>())
            .putAll(document.fields());
      }
    }
  }

  /** Written documents are searchable at once (no refresh here); counts the searches. */
  @Override
  public java.util.concurrent.CompletableFuture<List<dev.sightline.exporter.store.DocumentPosition>>
      positions(Map<String, List<String>> idsByIndex) {
    searches++;
    if (searchesHeld) {
      return new java.util.concurrent.CompletableFuture<>(); // never answered
    }
    try {
      maybeFail("search");
    } catch (StoreException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    var found = new ArrayList<dev.sightline.exporter.store.DocumentPosition>();
    idsByIndex.forEach(
        (index, ids) -> {
          for (var id : ids) {
            var document = indices.getOrDefault(index, Map.of()).get(id);
            if (document != null
                && document.get(dev.sightline.exporter.schema.ReadModelSchema.POSITION)
                    instanceof Number position) {
              found.add(
                  new dev.sightline.exporter.store.DocumentPosition(
                      index, id, position.longValue()));
            }
          }
        });
    return java.util.concurrent.CompletableFuture.completedFuture(found);
  }

  /** From now on no search is ever answered: a node that takes a search and hangs. */
  public void holdSearches() {
    searchesHeld = true;
  }

  /** Searches for positions so far. */
  public int searches() {
    return searches;
  }

  @Override
  public Optional<Map<String, Object>> get(String index, String id) {
    maybeFail("get");
    gets++;
    calls.add("get " + index + "/" + id);
    return Optional.ofNullable(indices.getOrDefault(index, Map.of()).get(id))
        .map(LinkedHashMap::new);
  }

  @Override
  public void purge() {
    maybeFail("purge");
    indices.clear();
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Retention's searches and deletes over these documents. */
  @Override
  public Optional<dev.sightline.exporter.store.RetentionStore> retention() {
    return Optional.of(retention);
  }

  /** The same, typed, to make it fail. */
  public InMemoryRetention retentionDouble() {
    return retention;
  }

  /** A schema upgrade's searches, creates and deletes over these documents. */
  @Override
  public Optional<dev.sightline.exporter.store.UpgradeStore> upgrade() {
    return Optional.of(upgrade);
  }

  /** The same, typed, to hold or fail its answers. */
  public InMemoryUpgrade upgradeDouble() {
    return upgrade;
  }

  /** Creates a document, as a bulk {@code create} does: false if one with that id is there. */
  boolean putIfAbsent(String index, String id, Map<String, Object> fields) {
    return indices.computeIfAbsent(index, name -> new TreeMap<>()).putIfAbsent(id, fields) == null;
  }

  /** Puts documents as they were written by another exporter (an older version, say). */
  public void put(String index, String id, Map<String, Object> fields) {
    indices.computeIfAbsent(index, name -> new TreeMap<>()).put(id, new LinkedHashMap<>(fields));
  }

  /** Every index holding documents. */
  public java.util.Set<String> indexNames() {
    return java.util.Set.copyOf(indices.keySet());
  }

  /** Deletes a document, as a bulk {@code delete} does; a missing one is no error. */
  void remove(String index, String id) {
    var documents = indices.get(index);
    if (documents != null) {
      documents.remove(id);
    }
  }

  public Map<String, Map<String, Object>> index(String name) {
    return indices.getOrDefault(name, Map.of());
  }

  /** A deep copy of every document, for comparing two runs. */
  public Map<String, Map<String, Map<String, Object>>> snapshot() {
    var copy = new TreeMap<String, Map<String, Map<String, Object>>>();
    indices.forEach(
        (index, docs) -> {
          var docsCopy = new TreeMap<String, Map<String, Object>>();
          docs.forEach((id, fields) -> docsCopy.put(id, new TreeMap<>(fields)));
          copy.put(index, docsCopy);
        });
    return copy;
  }

  /**
   * The lowest record position of any document this store refused, or {@code Long.MAX_VALUE}: no
   * acknowledgement may reach it while the refusal lasts.
   */
  public long lowestRefusedPosition() {
    return refused.stream().mapToLong(PendingDocument::lowestPosition).min().orElse(Long.MAX_VALUE);
  }

  public List<List<PendingDocument>> writes() {
    return List.copyOf(writes);
  }

  /** Successful real-time GETs: what a cache miss costs. */
  public int gets() {
    return gets;
  }

  /** Successful calls in order: {@code ensureSchema}, {@code get <index>/<id>}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  public int schemaCalls() {
    return schemaCalls;
  }

  public boolean isClosed() {
    return closed;
  }

  private void maybeFail(String what) {
    if (down) {
      throw new StoreException(
          what + " failed: Elasticsearch unreachable (test: store down)", null);
    }
    if (failuresToInject > 0) {
      failuresToInject--;
      throw new StoreException(
          what + " failed: Elasticsearch unreachable (test: injected failure)", null);
    }
  }
}
