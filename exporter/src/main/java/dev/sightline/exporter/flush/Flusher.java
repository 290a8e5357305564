package dev.sightline.exporter.flush;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.latency.LatencyTracker;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.SchemaCheck;
import dev.sightline.exporter.store.StoreException;
import io.camunda.zeebe.exporter.api.context.Controller;
import java.util.function.LongSupplier;

/**
 * Writes the batch and acknowledges what it made durable. On failure the batch is kept whole,
 * nothing is acknowledged, and the next attempt waits out a growing backoff. {@code deadLetters} is
 * null under the block policy. Not thread-safe (exporter thread).
 */
public final class Flusher {

  private final Batch batch;
  private final DocumentStore store;
  private final Backoff backoff;
  private final Acknowledger acknowledger;
  private final FlushMetrics metrics;
  private final LongSupplier nowMillis;
  private final DeadLetters deadLetters;
  private final LatencyTracker latency;
  private final SchemaCheck schema;

  public Flusher(
      Batch batch,
      DocumentStore store,
      SchemaCheck schema,
      Backoff backoff,
      Acknowledger acknowledger,
      FlushMetrics metrics,
      LongSupplier nowMillis,
      DeadLetters deadLetters,
      LatencyTracker latency) {
    this.latency = latency;
    this.batch = batch;
    this.store = store;
    this.schema = schema;
    this.backoff = backoff;
    this.acknowledger = acknowledger;
    this.metrics = metrics;
    this.nowMillis = nowMillis;
    this.deadLetters = deadLetters;
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
    if (batch.documentCount() == 0) {
      // Only records that needed no document: nothing to write, their positions are durable
      // already.
      acknowledge();
      return;
    }
    var startedAt = System.nanoTime();
    try {
      ensureSchema();
      latency.flushStarted();
      write();
    } catch (StoreException e) {
      if (e.itemFailures().filter(BulkItemFailures::anyMissingIndex).isPresent()) {
        schema.lost();
      }
      backoff.onFailure(nowMillis.getAsLong());
      metrics.flushFailed(e);
      throw e;
    }
    latency.flushSucceeded();
    metrics.flushed(batch.documentCount(), batch.recordCount(), System.nanoTime() - startedAt);
    backoff.onSuccess();
    acknowledge();
  }

  /**
   * Writes the batch. Under the dead-letter policy, when every rejection is one no retry can change
   * (docs/operations.md), the rejected documents go to the dead-letter index and the flush counts
   * as done; any other failure (a block, privileges, a missing index, overload, or the block
   * policy) throws, keeping the batch whole for a retry.
   */
  private void write() {
    var documents = batch.documents();
    try {
      store.write(documents);
    } catch (StoreException e) {
      var failures = e.itemFailures().filter(items -> deadLetters != null && items.allPermanent());
      if (failures.isEmpty()) {
        throw e;
      }
      deadLetters.write(store, failures.get(), documents, nowMillis.getAsLong());
      failures
          .get()
          .items()
          .forEach(item -> batch.notWritten(new DocumentKey(item.index(), item.id())));
    }
  }

  private void acknowledge() {
    var position = batch.highestPosition();
    batch.clear();
    acknowledger.acknowledge(position);
  }

  /**
   * Creates the schema unless it exists; a failure leaves it to the next flush (Elasticsearch may
   * start late).
   */
  public void ensureSchema() {
    schema.ensure();
  }

  /** Acknowledges a record that needed no document while nothing is pending. */
  public void acknowledgeSkipped(long position) {
    acknowledger.acknowledge(position);
  }

  /** Sends acknowledgements with the exporter's metadata. */
  public interface Acknowledger {
    void acknowledge(long position);

    /** Acknowledges with the metadata current at that moment. */
    static Acknowledger of(Controller controller, java.util.function.Supplier<byte[]> metadata) {
      return position -> controller.updateLastExportedRecordPosition(position, metadata.get());
    }
  }
}
