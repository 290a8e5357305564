package dev.sightline.probe.twohop.importer;

import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.probe.recordjson.ReadResult;
import dev.sightline.probe.recordjson.RecordJsonReader;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One importer reader: fetches the next batch of its (partition, value type), turns the JSON back
 * into records, runs them through the direct exporter's handlers and writes the documents.
 * Completion rule: after {@code emptyBatchesToComplete} consecutive empty batches the reader has
 * imported everything that exists and marks itself completed (sticky: later records are still
 * imported).
 *
 * <p>Dependencies: a batch whose records need a process definition the read model does not hold yet
 * (its deployment record is not yet visible to the process reader: each record index refreshes on
 * its own) is left for a later poll, as if nothing had been read — it does not count as an empty
 * batch. After {@code maxDependencyWait} it is imported anyway (element names then missing),
 * counted and logged.
 *
 * <p>Threading: {@link #step} runs on one importer thread at a time; {@link #position} may be read
 * from any. Completion counts empty batches per poll: a partition's turn polls a drained reader
 * once per idle backoff.
 */
final class ReaderJob {

  private static final Logger LOG = LoggerFactory.getLogger(ReaderJob.class);
  private static final long NOT_WAITING = -1;

  private final RecordBatches reader;
  private final DeployedDefinitions definitions;
  private final long maxDependencyWaitMillis;
  private final ReadModelWriter writer;
  private final RecordJsonReader json;
  private final LongSupplier nowMillis;
  private final int emptyBatchesToComplete;
  private final AtomicReference<ImportPosition> position;
  private final AtomicLong skippedRecords = new AtomicLong();
  private final AtomicLong dependencyTimeouts = new AtomicLong();
  private int emptyBatches;
  private long waitingSinceMillis = NOT_WAITING;

  ReaderJob(
      RecordBatches reader,
      DeployedDefinitions definitions,
      Duration maxDependencyWait,
      ReadModelWriter writer,
      RecordJsonReader json,
      LongSupplier nowMillis,
      int emptyBatchesToComplete,
      ImportPosition start) {
    this.reader = reader;
    this.definitions = definitions;
    this.maxDependencyWaitMillis = maxDependencyWait.toMillis();
    this.writer = writer;
    this.json = json;
    this.nowMillis = nowMillis;
    this.emptyBatchesToComplete = emptyBatchesToComplete;
    this.position = new AtomicReference<>(start);
  }

  /** The same reader, resumed from a saved position. */
  ReaderJob(ReaderJob job, ImportPosition saved) {
    this(
        job.reader,
        job.definitions,
        Duration.ofMillis(job.maxDependencyWaitMillis),
        job.writer,
        job.json,
        job.nowMillis,
        job.emptyBatchesToComplete,
        saved);
  }

  /**
   * Imports one batch; returns whether there was anything (then the next step should follow at
   * once).
   */
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
    var records = new ArrayList<Record<?>>(hits.size());
    var unmapped = 0;
    for (var hit : hits) {
      if (json.read(hit.json()) instanceof ReadResult.Mapped mapped) {
        records.add(mapped.record());
      } else {
        unmapped++;
      }
    }
    if (!dependenciesPresent(records, now)) {
      return false;
    }
    skippedRecords.addAndGet(unmapped);
    for (var record : records) {
      writer.apply(record, now);
    }
    writer.flush(); // throws with the batch kept: the next step retries the same records
    var last = hits.getLast();
    position.set(position.get().imported(last.position(), last.sequence(), last.index()));
    return true;
  }

  private boolean dependenciesPresent(List<Record<?>> records, long now) {
    var missing = definitions.firstMissing(records);
    if (missing < 0) {
      waitingSinceMillis = NOT_WAITING;
      return true;
    }
    if (waitingSinceMillis == NOT_WAITING) {
      waitingSinceMillis = now;
    }
    if (now - waitingSinceMillis < maxDependencyWaitMillis) {
      return false;
    }
    dependencyTimeouts.incrementAndGet();
    LOG.warn(
        "Reader {}: process definition {} still missing after {} ms; importing without it (no element names)",
        position.get().id(),
        missing,
        now - waitingSinceMillis);
    waitingSinceMillis = NOT_WAITING;
    return true;
  }

  ImportPosition position() {
    return position.get();
  }

  long skippedRecords() {
    return skippedRecords.get();
  }

  /** Batches imported without a definition they needed, after waiting {@code maxDependencyWait}. */
  long dependencyTimeouts() {
    return dependencyTimeouts.get();
  }
}
