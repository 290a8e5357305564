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
 * The path of one record: handlers merge it into the batch, the flusher sends bulks as group commit
 * says and acknowledges what they made durable. A record is either accepted (its changes are in the
 * batch) or refused with an exception the broker retries: refused only when the batch is full and
 * cannot be made room for (Elasticsearch failed, or no bulk in flight answered in time), so memory
 * stays bounded and nothing is dropped. Not thread-safe: the broker calls it from one thread.
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
  private final Duration closeBound;

  /**
   * @param writable whether the exporter may write and acknowledge now; false while it waits for
   *     the two-hop importers (then it neither flushes nor acknowledges, and a full batch refuses
   *     records)
   * @param latency told of every accepted record, for the per-record latency stages
   * @param closeBound how long close waits for the bulks in flight
   */
  RecordPipeline(
      RecordDispatcher dispatcher,
      Batch batch,
      FlushPolicy policy,
      Flusher flusher,
      LongSupplier nowMillis,
      Logger log,
      BooleanSupplier writable,
      LatencyTracker latency,
      Duration closeBound) {
    this.latency = latency;
    this.dispatcher = dispatcher;
    this.batch = batch;
    this.policy = policy;
    this.flusher = flusher;
    this.nowMillis = nowMillis;
    this.log = log;
    this.writable = writable;
    this.closeBound = closeBound;
  }

  void accept(Record<?> record) {
    if (policy.isFull(batch)) {
      makeRoom();
    }
    var now = nowMillis.getAsLong();
    if (dispatcher.dispatch(record, batch)) {
      batch.recordAccepted(record.getPosition(), now);
      latency.recordAccepted(record, now);
    } else {
      batch.recordSkipped(record.getPosition());
    }
    if (writable.getAsBoolean()) {
      flusher.drive(); // group commit: sent now if nothing is in flight; acknowledges a skipped one
    }
  }

  /** The scheduled task: takes up answers, sends what is due, retries after a backoff. */
  void flushIfDue() {
    if (writable.getAsBoolean()) {
      flusher.drive();
    }
  }

  /**
   * Writes whatever is pending now and waits for it (the importers just finished); failures are
   * kept for a retry.
   */
  void flushNow() {
    try {
      flusher.flush();
    } catch (StoreException e) {
      log.warn("Flush failed, kept for a retry: {}", e.getMessage());
    }
  }

  /** When the scheduled task should look again. */
  Duration nextCheckIn() {
    return flusher.nextCheckIn();
  }

  /**
   * On close: one last bulk, and a bounded wait for the bulks in flight; what is not durable stays
   * unacknowledged and the broker exports it again.
   */
  void flushOnClose() {
    if (!writable.getAsBoolean()) {
      return;
    }
    var left = flusher.close(closeBound);
    if (left > 0) {
      log.warn(
          "On close, {} records were not durable yet; they stay unacknowledged and will be exported"
              + " again",
          left);
    }
  }

  /**
   * The batch is full: room comes from a bulk taking documents. With every bulk slot taken, waits
   * on this thread for the oldest answer (bounded by the request timeout) — what a synchronous
   * flush did; refuses the record (the broker retries it) only when that cannot help.
   */
  private void makeRoom() {
    while (policy.isFull(batch)) {
      if (!writable.getAsBoolean()) {
        throw new ExporterException(
            "Batch full ("
                + batch.documentCount()
                + " documents) while waiting for the two-hop importers to finish this partition; the"
                + " record will be retried. Metric sightline.exporter.importers.waiting shows the"
                + " wait.");
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
      flusher.drive();
      if (!policy.isFull(batch)) {
        return;
      }
      if (!flusher.awaitAnswer()) {
        if (flusher.isBackingOff() || flusher.bulksInFlight() == 0) {
          continue; // the answer was a failure: the check above refuses the record
        }
        throw new ExporterException(
            "Batch full ("
                + batch.documentCount()
                + " documents) and "
                + flusher.bulksInFlight()
                + " bulk(s) in flight without an answer; the record will be retried.");
      }
    }
  }
}
