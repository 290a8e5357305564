package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentReader;
import dev.sightline.exporter.treepath.IncidentScope;
import dev.sightline.exporter.util.LruCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Sets and clears the {@code incident} flag of process and flow-node instances without scripts.
 * Each such document keeps {@code openIncidentKeys}, the open incidents in its subtree, next to the
 * flag; an incident event adds or removes its key on every document of its {@link IncidentScope}
 * and writes the set and {@code incident = !set.isEmpty()} together, so they never disagree.
 *
 * <p>Why this is exact: every incident of one call hierarchy is written on one partition (called
 * instances live on their caller's partition), so this exporter is the only writer of these fields
 * and sees their events in log order. It reads the current set from what it wrote last: its bounded
 * cache, else the pending batch, else the index by a real-time GET (which, unlike a search, sees
 * documents flushed but not yet refreshed). Adding and removing a key are idempotent and each key's
 * membership follows its last event, so a replay after a restart converges on the same sets. See
 * docs/schema.md.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
final class IncidentFlags {

  private final Batch batch;
  private final DocumentReader store;
  private final String processInstanceIndex;
  private final String flowNodeInstanceIndex;
  private final LruCache<DocumentKey, List<Long>> openKeys;

  IncidentFlags(Batch batch, DocumentReader store, ReadModelSchema schema, int cacheSize) {
    this.batch = batch;
    this.store = store;
    this.processInstanceIndex = schema.indexName(ProcessInstanceIndex.DESCRIPTOR);
    this.flowNodeInstanceIndex = schema.indexName(FlowNodeInstanceIndex.DESCRIPTOR);
    this.openKeys = new LruCache<>(cacheSize);
  }

  void opened(long incidentKey, IncidentScope scope) {
    update(incidentKey, scope, true);
  }

  void resolved(long incidentKey, IncidentScope scope) {
    update(incidentKey, scope, false);
  }

  private void update(long incidentKey, IncidentScope scope, boolean open) {
    var documents = documents(scope);
    // Read everything first: a failed read throws before anything changed, and the broker retries
    // the record.
    var current = documents.stream().map(this::openKeys).toList();
    for (int i = 0; i < documents.size(); i++) {
      var keys = new TreeSet<>(current.get(i));
      if (open) {
        keys.add(incidentKey);
      } else {
        keys.remove(incidentKey);
      }
      // Written even when unchanged: a replayed ELEMENT_ACTIVATING may have reset the flag to
      // false. Both
      // indices name these two fields alike.
      var sorted = List.copyOf(keys);
      openKeys.put(documents.get(i), sorted);
      batch.upsert(
          documents.get(i),
          Map.of(
              ProcessInstanceIndex.OPEN_INCIDENT_KEYS.name(),
              sorted,
              ProcessInstanceIndex.INCIDENT.name(),
              !sorted.isEmpty()));
    }
  }

  private List<DocumentKey> documents(IncidentScope scope) {
    var documents = new ArrayList<DocumentKey>();
    scope
        .processInstanceKeys()
        .forEach(key -> documents.add(new DocumentKey(processInstanceIndex, Long.toString(key))));
    scope
        .flowNodeInstanceKeys()
        .forEach(key -> documents.add(new DocumentKey(flowNodeInstanceIndex, Long.toString(key))));
    return documents;
  }

  /**
   * The last set written for the document: cache, else pending batch, else the index (real-time
   * GET).
   */
  private List<Long> openKeys(DocumentKey document) {
    var cached = openKeys.get(document);
    if (cached.isPresent()) {
      return cached.get();
    }
    var field = ProcessInstanceIndex.OPEN_INCIDENT_KEYS.name();
    var pending = batch.pending(document).filter(fields -> fields.containsKey(field));
    var source = pending.isPresent() ? pending : store.get(document.index(), document.id());
    return source.map(fields -> fields.get(field)).map(IncidentFlags::longs).orElse(List.of());
  }

  private static List<Long> longs(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(item -> ((Number) item).longValue()).toList()
        : Optional.ofNullable(value)
            .map(number -> List.of(((Number) number).longValue()))
            .orElse(List.of());
  }
}
