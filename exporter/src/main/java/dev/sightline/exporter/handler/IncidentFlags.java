package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentReader;
import dev.sightline.exporter.treepath.IncidentScope;
import dev.sightline.exporter.util.HeapEstimate;
import dev.sightline.exporter.util.LruCache;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets and clears the {@code incident} flag of process and flow-node instances without scripts.
 * Each such document keeps an {@link IncidentTally} next to the flag: the number of open incidents
 * in its subtree, a sample of at most {@value IncidentTally#SAMPLE_SIZE} of their keys, and the
 * position of the last incident event applied. An incident event changes the tally of every
 * document of its {@link IncidentScope} and writes it with {@code incident = count > 0}, so flag
 * and count never disagree, and what one event writes per document is bounded whatever the number
 * of open incidents (a set of every open key would be rewritten whole on every event: quadratic in
 * the incidents under one root).
 *
 * <p>Why a count is exact: every incident of one call hierarchy is on one partition (called
 * instances live on their caller's partition), so this exporter is the only writer of these fields
 * and sees their events in log order. It reads the current tally from what it wrote last: its
 * cache, else the pending batch, else the index by a real-time GET (which, unlike a search, sees
 * documents flushed but not yet refreshed). Idempotence comes from the position: an event at or
 * below the document's last applied position is a replay, so a replay after a crash, or the
 * broker's retry of a record, counts nothing twice, even when a bulk was written in part. See
 * docs/schema.md.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
final class IncidentFlags {

  private final Batch batch;
  private final DocumentReader store;
  private final String processInstanceIndex;
  private final String flowNodeInstanceIndex;
  private final LruCache<DocumentKey, IncidentTally> tallies;

  /**
   * @param cacheBytes the estimated heap the cached tallies may take
   */
  IncidentFlags(Batch batch, DocumentReader store, ReadModelSchema schema, long cacheBytes) {
    this.batch = batch;
    this.store = store;
    this.processInstanceIndex = schema.indexName(ProcessInstanceIndex.DESCRIPTOR);
    this.flowNodeInstanceIndex = schema.indexName(FlowNodeInstanceIndex.DESCRIPTOR);
    this.tallies =
        LruCache.boundedByBytes(
            cacheBytes,
            (document, tally) ->
                HeapEstimate.ofString(document.index())
                    + HeapEstimate.ofString(document.id())
                    + tally.estimatedBytes());
  }

  void opened(long incidentKey, long position, IncidentScope scope) {
    update(incidentKey, position, scope, true);
  }

  void resolved(long incidentKey, long position, IncidentScope scope) {
    update(incidentKey, position, scope, false);
  }

  private void update(long incidentKey, long position, IncidentScope scope, boolean opened) {
    var documents = documents(scope);
    // Read everything first: a failed read throws before anything changed, and the broker retries
    // the record.
    var current = documents.stream().map(this::tally).toList();
    for (int i = 0; i < documents.size(); i++) {
      var tally = current.get(i).apply(incidentKey, position, opened);
      // Written even when unchanged: a replayed ELEMENT_ACTIVATING may have reset the flag to
      // false.
      tallies.put(documents.get(i), tally);
      batch.merge(documents.get(i), tally.fields());
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

  /** The tally written last: cache, else pending batch, else the index (real-time GET). */
  private IncidentTally tally(DocumentKey document) {
    var cached = tallies.get(document);
    if (cached.isPresent()) {
      return cached.get();
    }
    var field = ProcessInstanceIndex.OPEN_INCIDENT_COUNT.name();
    var pending = batch.pending(document).filter(fields -> fields.containsKey(field));
    var source = pending.isPresent() ? pending : store.get(document.index(), document.id());
    return source.map(IncidentTally::of).orElse(IncidentTally.EMPTY);
  }
}
