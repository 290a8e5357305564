package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.Record;

/**
 * Follows accepted records through the bulks: told when {@code export} accepts a record and when a
 * bulk is cut ({@link #bulkStarted}: it carries the records accepted since the previous cut), sent
 * again and durable, it records that bulk's records' stages in one pass ({@link FlushPass}). A
 * failed bulk keeps its records; the successful attempt's start is the bulk start, so a backoff
 * counts as {@code batch-wait}. Writers that flush batch by batch use {@link #flushStarted} and
 * {@link #flushSucceeded} instead. Only accepted records (those that changed a document) are
 * measured: a record no handler needs has no document to become visible.
 *
 * <p>Not thread-safe: the exporter's thread, the single writer of the {@link StageRecorders}.
 */
public final class LatencyTracker {

  private static final long NONE = Long.MIN_VALUE;

  private PendingRecordTimes pending = new PendingRecordTimes();
  private final java.util.Map<Long, Segment> bulks = new java.util.HashMap<>();
  private final FlushPass pass;
  private final MicrosClock clock;
  private long flushStartMicros = NONE;
  private DocumentWatch watch = DocumentWatch.NONE;

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
    watch.recordAccepted(record);
  }

  /**
   * Follows records into their documents for the {@code visible} stage; set before the batch is
   * made, which reports to {@link #documentWatch()}.
   */
  public void watch(DocumentWatch watch) {
    this.watch = watch;
  }

  /** What the batch reports its documents' merges and writes to. */
  public DocumentWatch documentWatch() {
    return watch;
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

  /** Records waiting for the next successful flush, or for their bulk's answer. */
  public int pendingRecords() {
    return pending.size() + bulks.values().stream().mapToInt(bulk -> bulk.records.size()).sum();
  }

  /**
   * A bulk was cut: it carries the records accepted since the previous cut (a document held back by
   * an earlier bulk travels later, but its record is measured with the bulk of its cut).
   */
  public void bulkStarted(long bulkId) {
    bulks.put(bulkId, new Segment(pending, clock.nowMicros()));
    pending = new PendingRecordTimes();
  }

  /**
   * A failed bulk is sent again: this attempt's start is the bulk start, so a backoff counts as
   * {@code batch-wait}.
   */
  public void bulkResent(long bulkId) {
    var segment = bulks.get(bulkId);
    if (segment != null) {
      segment.startMicros = clock.nowMicros();
    }
  }

  /** Every document of the bulk is durable: records its records' stages. */
  public void bulkDurable(long bulkId) {
    var segment = bulks.remove(bulkId);
    if (segment != null && segment.records.size() > 0) {
      pass.record(segment.records, segment.startMicros, clock.nowMicros());
    }
  }

  /** The bulk will not be answered (closing): its records are exported again after a restart. */
  public void bulkAbandoned(long bulkId) {
    bulks.remove(bulkId);
  }

  private static final class Segment {
    final PendingRecordTimes records;
    long startMicros;

    Segment(PendingRecordTimes records, long startMicros) {
      this.records = records;
      this.startMicros = startMicros;
    }
  }
}
