package dev.sightline.exporter;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.flush.Flusher;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.importers.HeldRecords;
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
 * memory stays bounded and nothing is dropped. While the exporter waits for the two-hop importers,
 * records are only held ({@link HeldRecords}), and go through the handlers, in log order, once the
 * importers are done. Not thread-safe: the broker calls it from one thread.
 */
final class RecordPipeline {

  private final RecordDispatcher dispatcher;
  private final Batch batch;
  private final FlushPolicy policy;
  private final Flusher flusher;
  private final LongSupplier nowMillis;
  private final Logger log;
  private final BooleanSupplier writable;
  private final HeldRecords held;
  private final LatencyTracker latency;

  /**
   * @param writable whether the exporter may write and acknowledge now; false while it waits for
   *     the two-hop importers (then records are only held, nothing is flushed or acknowledged)
   * @param held where records wait, unhandled, while the exporter may not write
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
      HeldRecords held,
      LatencyTracker latency) {
    this.latency = latency;
    this.dispatcher = dispatcher;
    this.batch = batch;
    this.policy = policy;
    this.flusher = flusher;
    this.nowMillis = nowMillis;
    this.log = log;
    this.writable = writable;
    this.held = held;
  }

  /**
   * While the importers are not done the record is only held: the handlers read process
   * definitions, parents' tree paths and incident flags from the read model the importers are still
   * filling. Afterwards, what was held goes first.
   */
  void accept(Record<?> record) {
    if (!writable.getAsBoolean()) {
      held.hold(record); // refused, for a retry, when full
      return;
    }
    releaseHeld();
    handle(record);
  }

  private void handle(Record<?> record) {
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

  /**
   * The scheduled task: handles what is still held, flushes a due batch; failures are kept for the
   * next attempt.
   */
  void flushIfDue() {
    releaseHeldKeepingFailures();
    if (policy.isDue(batch, nowMillis.getAsLong()) || policy.isFull(batch)) {
      flushKeepingFailures();
    }
  }

  /**
   * The importers just finished: the records held meanwhile go through the handlers in log order,
   * then whatever is pending is flushed; failures are kept for a retry.
   */
  void releaseHeldAndFlush() {
    releaseHeldKeepingFailures();
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
   * On close: one last attempt; what fails stays unacknowledged and the broker exports it again, as
   * it does with every record still held (none was acknowledged).
   */
  void flushOnClose() {
    held.clear();
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

  /**
   * Hands the held records to the handlers, oldest first; a record that is refused (the batch full
   * and Elasticsearch failing, a lookup failing) stays held, first, and the refusal propagates.
   */
  private void releaseHeld() {
    while (!held.isEmpty()) {
      handle(held.first());
      held.removeFirst();
    }
  }

  private void releaseHeldKeepingFailures() {
    if (held.isEmpty() || !writable.getAsBoolean()) {
      return;
    }
    try {
      releaseHeld();
    } catch (RuntimeException e) { // a scheduled task must not throw; the next export will
      log.warn(
          "{} records held while waiting for the importers are not handled yet, kept for the next"
              + " attempt: {}",
          held.count(),
          e.getMessage());
    }
  }

  private void flushBeforeAccepting() {
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
