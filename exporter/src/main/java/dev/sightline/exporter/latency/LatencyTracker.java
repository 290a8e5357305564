package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.Record;

/**
 * Follows the records of the pending batch through the flush: told when {@code export} accepts a
 * record and when a flush starts and succeeds, it records the batch's stages in one pass at flush
 * end ({@link FlushPass}). A failed flush keeps the records; the successful attempt's start is the
 * flush start, so a backoff counts as {@code batch-wait}. Only accepted records (those that changed
 * a document) are measured: a record no handler needs has no document to become visible.
 *
 * <p>Not thread-safe: the exporter's thread, the single writer of the {@link StageRecorders}.
 */
public final class LatencyTracker {

  private static final long NONE = Long.MIN_VALUE;

  private final PendingRecordTimes pending = new PendingRecordTimes();
  private final FlushPass pass;
  private final MicrosClock clock;
  private long flushStartMicros = NONE;

  public LatencyTracker(StageRecorders recorders, MicrosClock clock) {
    this.pass = new FlushPass(recorders);
    this.clock = clock;
  }

  /**
   * A record's changes are in the batch; {@code exportCalledMillis} is when {@code export} received
   * it.
   */
  public void recordAccepted(Record<?> record, long exportCalledMillis) {
    pending.add(record.getTimestamp(), exportCalledMillis, record.getValueType().ordinal());
  }

  /** A flush attempt begins. */
  public void flushStarted() {
    flushStartMicros = clock.nowMicros();
  }

  /**
   * The bulk response of the attempt that wrote the batch: records every pending record's stages.
   */
  public void flushSucceeded() {
    var bulkResponseMicros = clock.nowMicros();
    var startMicros = flushStartMicros == NONE ? bulkResponseMicros : flushStartMicros;
    pass.record(pending, startMicros, bulkResponseMicros);
    pending.clear();
    flushStartMicros = NONE;
  }

  /** Records waiting for the next successful flush. */
  public int pendingRecords() {
    return pending.size();
  }
}
