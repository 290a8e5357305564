package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;

/**
 * The one pass over a flushed batch that turns its records' times into stage latencies
 * (microseconds):
 *
 * <ul>
 *   <li>{@code exporter-lag} = (export called − record timestamp) × 1000 — both in milliseconds;
 *   <li>{@code batch-wait} = flush start − export called × 1000;
 *   <li>{@code flushed} = bulk response − record timestamp × 1000;
 *   <li>{@code bulk} = bulk response − flush start, the same for every record of the batch:
 *       recorded once per value type with the record count.
 * </ul>
 *
 * Consecutive records with the same value type and the same value (a burst within one millisecond)
 * are recorded once with their count, so a busy batch costs fewer histogram updates than records.
 *
 * <p>Not thread-safe: the exporter's thread (the writer of the {@link StageRecorders}).
 */
final class FlushPass {

  private final StageRecorders recorders;
  private final Run exporterLag = new Run(LatencyStage.EXPORTER_LAG);
  private final Run batchWait = new Run(LatencyStage.BATCH_WAIT);
  private final Run flushed = new Run(LatencyStage.FLUSHED);
  private final long[] recordsPerType = new long[ValueType.values().length];

  FlushPass(StageRecorders recorders) {
    this.recorders = recorders;
  }

  void record(PendingRecordTimes records, long flushStartMicros, long bulkResponseMicros) {
    recorders.beginPass();
    try {
      recordInPass(records, flushStartMicros, bulkResponseMicros);
    } finally {
      recorders.endPass();
    }
  }

  private void recordInPass(
      PendingRecordTimes records, long flushStartMicros, long bulkResponseMicros) {
    for (var i = 0; i < records.size(); i++) {
      var type = records.valueTypeOrdinal(i);
      var timestampMicros = records.recordTimestampMillis(i) * 1_000;
      var exportCalledMicros = records.exportCalledMillis(i) * 1_000;
      add(exporterLag, type, exportCalledMicros - timestampMicros);
      add(batchWait, type, flushStartMicros - exportCalledMicros);
      add(flushed, type, bulkResponseMicros - timestampMicros);
      recordsPerType[type]++;
    }
    end(exporterLag);
    end(batchWait);
    end(flushed);
    var bulkMicros = bulkResponseMicros - flushStartMicros;
    for (var type = 0; type < recordsPerType.length; type++) {
      if (recordsPerType[type] > 0) {
        recorders.recordInPass(LatencyStage.BULK, type, bulkMicros, recordsPerType[type]);
        recordsPerType[type] = 0;
      }
    }
  }

  private void add(Run run, int type, long latencyMicros) {
    if (run.count > 0 && run.type == type && run.value == latencyMicros) {
      run.count++;
      return;
    }
    end(run);
    run.type = type;
    run.value = latencyMicros;
    run.count = 1;
  }

  private void end(Run run) {
    if (run.count > 0) {
      recorders.recordInPass(run.stage, run.type, run.value, run.count);
      run.count = 0;
    }
  }

  /** Consecutive equal values of one stage and value type, not yet recorded. */
  private static final class Run {
    final LatencyStage stage;
    int type;
    long value;
    long count;

    Run(LatencyStage stage) {
      this.stage = stage;
    }
  }
}
