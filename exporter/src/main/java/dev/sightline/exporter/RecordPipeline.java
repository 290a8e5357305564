package dev.sightline.exporter;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.flush.Flusher;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.latency.LatencyTracker;
import dev.sightline.exporter.store.StoreException;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The path of one record: handlers merge it into the batch, the flush policy decides when the batch
 * is written. A record is either accepted (its changes are in the batch) or refused with an
 * exception the broker retries: refused only when the batch is full and cannot be flushed, so
 * memory stays bounded and nothing is dropped. Not thread-safe: the broker calls it from one
 * thread.
 */
final class RecordPipeline {

  private final RecordDispatcher dispatcher;
  private final Batch batch;
  private final FlushPolicy policy;
  private final Flusher flusher;
  private final LongSupplier nowMillis;
  private final Logger log;
  private final BooleanSupplier writable;
  private final LatencyTracker latency;

  /**
   * @param writable whether the exporter may write and acknowledge now; false while it waits for
   *     the two-hop importers (then it neither flushes nor acknowledges, and a full batch refuses
   *     records)
   * @param latency told of every accepted record, for the per-record latency stages
   */
  RecordPipeline(
      RecordDispatcher dispatcher,
      Batch batch,
      FlushPolicy policy,
      Flusher flusher,
      LongSupplier nowMillis,
      Logger log,
      BooleanSupplier writable,
      LatencyTracker latency) {
    this.latency = latency;
    this.dispatcher = dispatcher;
    this.batch = batch;
    this.policy = policy;
    this.flusher = flusher;
    this.nowMillis = nowMillis;
    this.log = log;
    this.writable = writable;
  }

  void accept(Record<?> record) {
    if (policy.isFull(batch)) {
      flushBeforeAccepting();
    }
    var now = nowMillis.getAsLong();
    if (dispatcher.dispatch(record, batch)) {
      batch.recordAccepted(record.getPosition(), now);
      latency.recordAccepted(record, now);
    } else if (batch.isEmpty() && writable.getAsBoolean()) {
      flusher.acknowledgeSkipped(record.getPosition());
    } else {
      batch.recordSkipped(record.getPosition());
    }
    // Checked here as well as by the scheduled task, which a busy stream can starve.
    if (policy.shouldFlush(batch, now)) {
      flushKeepingFailures();
    }
  }

  /** The scheduled task: flushes a due batch; failures are kept for the next attempt. */
  void flushIfDue() {
    if (policy.isDue(batch, nowMillis.getAsLong()) || policy.isFull(batch)) {
      flushKeepingFailures();
    }
  }

  /**
   * Flushes whatever is pending now (the importers just finished); failures are kept for a retry.
   */
  void flushNow() {
    flushKeepingFailures();
  }

  /**
   * When the scheduled task should look again: when the batch becomes due, not before a backoff
   * ends.
   */
  Duration nextCheckIn() {
    var now = nowMillis.getAsLong();
    var untilDue = policy.untilDue(batch, now);
    var untilRetry = flusher.backoff().remaining(now);
    var next = untilDue.compareTo(untilRetry) >= 0 ? untilDue : untilRetry;
    return next.isZero() ? Duration.ofMillis(1) : next;
  }

  /**
   * On close: one last attempt; what fails stays unacknowledged and the broker exports it again.
   */
  void flushOnClose() {
    if (!writable.getAsBoolean()) {
      return;
    }
    try {
      flusher.flush();
    } catch (StoreException e) {
      log.warn(
          "Final flush on close failed; {} unacknowledged records will be exported again: {}",
          batch.recordCount(),
          e.getMessage());
    }
  }

  private void flushBeforeAccepting() {
    if (!writable.getAsBoolean()) {
      throw new ExporterException(
          "Batch full ("
              + batch.documentCount()
              + " documents) while waiting for the two-hop importers to finish this partition; the record will be"
              + " retried. Metric sightline.exporter.importers.waiting shows the wait.");
    }
    if (flusher.isBackingOff()) {
      throw new ExporterException(
          "Batch full ("
              + batch.documentCount()
              + " documents, ~"
              + batch.estimatedBytes()
              + " bytes) and Elasticsearch failed; next attempt in "
              + flusher.backoff().remaining(nowMillis.getAsLong()).toMillis()
              + " ms. The record will be retried.");
    }
    flusher.flush();
  }

  private void flushKeepingFailures() {
    if (!writable.getAsBoolean() || flusher.isBackingOff()) {
      return;
    }
    try {
      flusher.flush();
    } catch (StoreException e) {
      log.warn(
          "Flush of {} documents failed (attempt {}), kept for a retry in {} ms: {}",
          batch.documentCount(),
          flusher.backoff().failures(),
          flusher.backoff().remaining(nowMillis.getAsLong()).toMillis(),
          e.getMessage());
    }
  }
}
