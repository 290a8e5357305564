package dev.sightline.exporter.flush;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.latency.LatencyTracker;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.StoreException;
import io.camunda.zeebe.exporter.api.context.Controller;
import java.util.function.LongSupplier;

/**
 * Writes the batch and acknowledges what it made durable. On failure the batch is kept whole, nothing is
 * acknowledged, and the next attempt waits out a growing backoff. Not thread-safe (exporter thread).
 */
public final class Flusher {

  private final Batch batch;
  private final DocumentStore store;
  private final Backoff backoff;
  private final Acknowledger acknowledger;
  private final FlushMetrics metrics;
  private final LongSupplier nowMillis;
  private final LatencyTracker latency;
  private boolean schemaReady;

  public Flusher(
      Batch batch,
      DocumentStore store,
      Backoff backoff,
      Acknowledger acknowledger,
      FlushMetrics metrics,
      LongSupplier nowMillis,
      LatencyTracker latency) {
    this.latency = latency;
    this.batch = batch;
    this.store = store;
    this.backoff = backoff;
    this.acknowledger = acknowledger;
    this.metrics = metrics;
    this.nowMillis = nowMillis;
  }

  /** Whether a failed attempt's backoff is still running. */
  public boolean isBackingOff() {
    return backoff.isWaiting(nowMillis.getAsLong());
  }

  public Backoff backoff() {
    return backoff;
  }

  /**
   * Writes every pending document, then acknowledges the batch's highest position. Throws {@link
   * StoreException} with the batch intact when Elasticsearch fails.
   */
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    var startedAt = System.nanoTime();
    try {
      ensureSchema();
      latency.flushStarted();
      store.write(batch.documents());
    } catch (StoreException e) {
      backoff.onFailure(nowMillis.getAsLong());
      metrics.flushFailed(e);
      throw e;
    }
    latency.flushSucceeded();
    metrics.flushed(batch.documentCount(), batch.recordCount(), System.nanoTime() - startedAt);
    backoff.onSuccess();
    var position = batch.highestPosition();
    batch.clear();
    acknowledger.acknowledge(position);
  }

  /** Creates the schema once; a failure leaves it to the next flush (Elasticsearch may start late). */
  public void ensureSchema() {
    if (!schemaReady) {
      store.ensureSchema();
      schemaReady = true;
    }
  }

  /** Acknowledges a record that needed no document while nothing is pending. */
  public void acknowledgeSkipped(long position) {
    acknowledger.acknowledge(position);
  }

  /** Sends acknowledgements with the exporter's metadata. */
  public interface Acknowledger {
    void acknowledge(long position);

    static Acknowledger of(Controller controller, byte[] metadata) {
      return position -> controller.updateLastExportedRecordPosition(position, metadata);
    }
  }
}
