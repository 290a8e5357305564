package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes one partition's log: positions from 1 without gaps, every record of one processing step
 * stamped with the step's time, follow-up records pointing at the client command that started the
 * step ({@code sourceRecordPosition}), as the engine's batch processing does.
 *
 * <p>Not thread-safe: owned by one partition's engine.
 */
final class LogWriter {

  /** The broker version of the real records this log imitates. */
  static final String BROKER_VERSION = "8.8.0";

  private final int partitionId;
  private final Consumer<Record<?>> sink;
  private long nextPosition = 1;
  private long timestampMillis;
  private long sourcePosition = -1;

  LogWriter(int partitionId, Consumer<Record<?>> sink) {
    this.partitionId = partitionId;
    this.sink = sink;
  }

  /**
   * Writes a command from outside the partition (a client, or another partition) at {@code
   * timestampMillis}; the records written until the next one are its processing.
   */
  void clientCommand(
      long timestampMillis, long key, ValueType valueType, Intent intent, RecordValue value) {
    this.timestampMillis = timestampMillis;
    this.sourcePosition = -1;
    this.sourcePosition = write(RecordType.COMMAND, key, valueType, intent, value);
  }

  /**
   * A follow-up command of the current processing step (the caller processes it later, in order).
   */
  void command(long key, ValueType valueType, Intent intent, RecordValue value) {
    write(RecordType.COMMAND, key, valueType, intent, value);
  }

  void event(long key, ValueType valueType, Intent intent, RecordValue value) {
    write(RecordType.EVENT, key, valueType, intent, value);
  }

  long timestampMillis() {
    return timestampMillis;
  }

  private long write(
      RecordType recordType, long key, ValueType valueType, Intent intent, RecordValue value) {
    long position = nextPosition++;
    sink.accept(
        ImmutableRecord.builder()
            .withPosition(position)
            .withSourceRecordPosition(sourcePosition)
            .withKey(key)
            .withTimestamp(timestampMillis)
            .withRecordType(recordType)
            .withValueType(valueType)
            .withIntent(intent)
            .withPartitionId(partitionId)
            .withRejectionType(RejectionType.NULL_VAL)
            .withRejectionReason("")
            .withBrokerVersion(BROKER_VERSION)
            .withAuthorizations(Map.of())
            .withOperationReference(-1)
            .withBatchOperationReference(-1)
            .withRecordVersion(RecordVersions.of(valueType, intent))
            .withValue(value)
            .build());
    return position;
  }
}
