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
 * The path of one record: handlers merge it into the batch, the flusher sends bulks as group commit
 * says and acknowledges what they made durable. A record is either accepted (its changes are in the
 * batch) or refused with an exception the broker retries: refused only when the batch is full and
 * cannot be made room for (Elasticsearch failed, or no bulk in flight answered in time), so memory
 * stays bounded and nothing is dropped. While the exporter may not write — it waits for the two-hop
 * importers, or moves its partition's documents forward in a schema upgrade — records are only held
 * ({@link HeldRecords}), and go through the handlers, in log order, once it may. Not thread-safe:
 * the broker calls it from one thread.
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
  private final Duration closeBound;

  /**
   * @param writable whether the exporter may write and acknowledge now; false while it waits for
   *     the two-hop importers or a schema upgrade's copy-forward (then records are only held,
   *     nothing is written or acknowledged)
   * @param held where records wait, unhandled, while the exporter may not write
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
      HeldRecords held,
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
    this.held = held;
    this.closeBound = closeBound;
  }

  /**
   * While the exporter may not write the record is only held: the handlers read process
   * definitions, parents' tree paths and incident flags from a read model the importers are still
   * filling or a schema upgrade is still moving. Afterwards, what was held goes first.
   */
  void accept(Record<?> record) {
    if (!writable.getAsBoolean()) {
      held.hold(record); // refused, for a retry, when full
      return;
    }
    releaseHeld();
    handle(record);
  }

  /** Only while writable. */
  private void handle(Record<?> record) {
    if (policy.isFull(batch)) {
      makeRoom();
    }
    var now = nowMillis.getAsLong();
    flusher.recordSeen(record.getTimestamp());
    if (dispatcher.dispatch(record, batch)) {
      batch.recordAccepted(record.getPosition(), now);
      latency.recordAccepted(record, now);
    } else {
      batch.recordSkipped(record.getPosition());
    }
    flusher.drive(); // group commit: sent now if nothing is in flight; acknowledges a skipped one
  }

  /**
   * The scheduled task: handles what is still held, takes up answers, sends what is due, retries
   * after a backoff. Never throws.
   */
  void flushIfDue() {
    releaseHeldKeepingFailures();
    if (writable.getAsBoolean()) {
      flusher.drive();
    }
  }

  /**
   * The exporter may write now (the importers finished, the copy-forward is done): the records held
   * meanwhile go through the handlers in log order, then whatever is pending is written at once and
   * waited for; failures are kept for a retry after their backoff (never resent at once: under
   * {@code errors.onRejected=block} that would loop on the exporter thread).
   */
  void releaseHeldAndFlush() {
    releaseHeldKeepingFailures();
    if (!writable.getAsBoolean()) {
      return;
    }
    try {
      flusher.flushRespectingBackoff();
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
   * unacknowledged and the broker exports it again, as it does with every record still held (none
   * was acknowledged).
   */
  void flushOnClose() {
    held.clear();
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
          "{} records held while the exporter could not write are not handled yet, kept for the"
              + " next attempt: {}",
          held.count(),
          e.getMessage());
    }
  }

  /**
   * The batch is full: room comes from a bulk taking documents. With every bulk slot taken, waits
   * on this thread for the oldest answer (bounded by the request timeout) — what a synchronous
   * flush did; refuses the record (the broker retries it) only when that cannot help.
   */
  private void makeRoom() {
    while (policy.isFull(batch)) {
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
