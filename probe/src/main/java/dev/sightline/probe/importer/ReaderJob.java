package dev.sightline.probe.importer;

import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.exporter.record.ReadResult;
import dev.sightline.exporter.record.RecordJsonReader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One importer reader: fetches the next batch of its (partition, value type), turns the JSON back into
 * records, runs them through the direct exporter's handlers and writes the documents. Completion rule: after
 * {@code emptyBatchesToComplete} consecutive empty batches the reader has imported everything that exists
 * and marks itself completed (sticky: later records are still imported).
 *
 * <p>Threading: {@link #step} runs on one importer thread at a time; {@link #position} may be read from any.
 * Completion counts empty batches per poll: a partition's turn polls a drained reader once per idle backoff.
 */
final class ReaderJob {

  private final SequenceReader reader;
  private final ReadModelWriter writer;
  private final RecordJsonReader json;
  private final LongSupplier nowMillis;
  private final int emptyBatchesToComplete;
  private final AtomicReference<ImportPosition> position;
  private final AtomicLong skippedRecords = new AtomicLong();
  private int emptyBatches;

  ReaderJob(
      SequenceReader reader,
      ReadModelWriter writer,
      RecordJsonReader json,
      LongSupplier nowMillis,
      int emptyBatchesToComplete,
      ImportPosition start) {
    this.reader = reader;
    this.writer = writer;
    this.json = json;
    this.nowMillis = nowMillis;
    this.emptyBatchesToComplete = emptyBatchesToComplete;
    this.position = new AtomicReference<>(start);
  }

  /** The same reader, resumed from a saved position. */
  ReaderJob(ReaderJob job, ImportPosition saved) {
    this(job.reader, job.writer, job.json, job.nowMillis, job.emptyBatchesToComplete, saved);
  }

  /** Imports one batch; returns whether there was anything (then the next step should follow at once). */
  boolean step() {
    var current = position.get();
    var hits = reader.after(current.sequence());
    if (hits.isEmpty()) {
      if (++emptyBatches >= emptyBatchesToComplete && !current.completed()) {
        position.set(current.markCompleted());
      }
      return false;
    }
    emptyBatches = 0;
    var now = nowMillis.getAsLong();
    for (var hit : hits) {
      if (json.read(hit.json()) instanceof ReadResult.Mapped mapped) {
        writer.apply(mapped.record(), now);
      } else {
        skippedRecords.incrementAndGet();
      }
    }
    writer.flush(); // throws with the batch kept: the next step retries the same records
    var last = hits.getLast();
    position.set(position.get().imported(last.position(), last.sequence(), last.index()));
    return true;
  }

  ImportPosition position() {
    return position.get();
  }

  long skippedRecords() {
    return skippedRecords.get();
  }
}
