package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;

/**
 * The one pass over a flushed batch that turns its records' times into stage latencies (microseconds):
 *
 * <ul>
 *   <li>{@code exporter-lag} = (export called − record timestamp) × 1000 — both in milliseconds;
 *   <li>{@code batch-wait} = flush start − export called × 1000;
 *   <li>{@code flushed} = bulk response − record timestamp × 1000;
 *   <li>{@code bulk} = bulk response − flush start, the same for every record of the batch: recorded once per
 *       value type with the record count.
 * </ul>
 *
 * Consecutive records with the same value type and the same value (a burst within one millisecond) are
 * recorded once with their count, so a busy batch costs fewer histogram updates than records.
 *
 * <p>Not thread-safe: the exporter's thread (the writer of the {@link StageRecorders}).
 */
final class FlushPass {

  private static final LatencyStage[] PER_RECORD = {
    LatencyStage.EXPORTER_LAG, LatencyStage.BATCH_WAIT, LatencyStage.FLUSHED
  };

  private final StageRecorders recorders;
  private final long[] runValue = new long[PER_RECORD.length];
  private final int[] runType = new int[PER_RECORD.length];
  private final long[] runCount = new long[PER_RECORD.length];
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

  private void recordInPass(PendingRecordTimes records, long flushStartMicros, long bulkResponseMicros) {
    for (var i = 0; i < records.size(); i++) {
      var type = records.valueTypeOrdinal(i);
      var timestampMicros = records.recordTimestampMillis(i) * 1_000;
      var exportCalledMicros = records.exportCalledMillis(i) * 1_000;
      add(0, type, exportCalledMicros - timestampMicros);
      add(1, type, flushStartMicros - exportCalledMicros);
      add(2, type, bulkResponseMicros - timestampMicros);
      recordsPerType[type]++;
    }
    for (var stage = 0; stage < PER_RECORD.length; stage++) {
      endRun(stage);
    }
    var bulkMicros = bulkResponseMicros - flushStartMicros;
    for (var type = 0; type < recordsPerType.length; type++) {
      if (recordsPerType[type] > 0) {
        recorders.recordInPass(LatencyStage.BULK, type, bulkMicros, recordsPerType[type]);
        recordsPerType[type] = 0;
      }
    }
  }

  private void add(int stage, int type, long latencyMicros) {
    if (runCount[stage] > 0 && runType[stage] == type && runValue[stage] == latencyMicros) {
      runCount[stage]++;
      return;
    }
    endRun(stage);
    runType[stage] = type;
    runValue[stage] = latencyMicros;
    runCount[stage] = 1;
  }

  private void endRun(int stage) {
    if (runCount[stage] > 0) {
      recorders.recordInPass(PER_RECORD[stage], runType[stage], runValue[stage], runCount[stage]);
      runCount[stage] = 0;
    }
  }
}
