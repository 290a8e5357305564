package dev.sightline.it.latency;

import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.store.DocumentStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real store, plus the moment each document's first successful bulk request returned ({@code
 * flushed}, per entity), on the exporter's clock in microseconds. The exporter's own latency stages
 * aggregate over records; the proof needs the flush moment of each entity the probe sees.
 *
 * <p>Thread-safety: written on the exporter's thread, read from any.
 */
final class FlushTimesStore implements DocumentStore {

  private final DocumentStore delegate;
  private final InstantSource clock;
  private final Map<String, Long> firstFlushMicrosById = new ConcurrentHashMap<>();

  FlushTimesStore(DocumentStore delegate, InstantSource clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  /** When the bulk request that first wrote the document returned; null if it has not. */
  Long flushedAtMicros(String index, String id) {
    return firstFlushMicrosById.get(index + "/" + id);
  }

  @Override
  public void write(List<PendingDocument> documents) {
    delegate.write(documents);
    var instant = clock.instant();
    var nowMicros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    for (var document : documents) {
      firstFlushMicrosById.putIfAbsent(
          document.key().index() + "/" + document.key().id(), nowMicros);
    }
  }

  @Override
  public void ensureSchema() {
    delegate.ensureSchema();
  }

  @Override
  public Optional<Map<String, Object>> get(String index, String id) {
    return delegate.get(index, id);
  }

  @Override
  public java.util.concurrent.CompletableFuture<List<dev.sightline.exporter.store.DocumentPosition>>
      positions(Map<String, List<String>> idsByIndex) {
    return delegate.positions(idsByIndex);
  }

  @Override
  public void purge() {
    delegate.purge();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
