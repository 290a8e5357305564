package dev.sightline.exporter.testing;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;

/**
 * Records of one partition as a broker writes them: keys carry the partition in their top bits,
 * positions grow by one, timestamps come from the caller.
 */
public final class RecordFactory {

  private final int partitionId;
  private long keyCounter;
  private long position;

  public RecordFactory(int partitionId) {
    this.partitionId = partitionId;
  }

  public int partitionId() {
    return partitionId;
  }

  /** A fresh key, {@code (partitionId << 51) + n}. */
  public long nextKey() {
    return ((long) partitionId << 51) + ++keyCounter;
  }

  public long lastPosition() {
    return position;
  }

  public <T extends RecordValue> Record<T> event(
      ValueType valueType, Intent intent, long key, T value, long timestampMillis) {
    return ImmutableRecord.<T>builder()
        .withPosition(++position)
        .withSourceRecordPosition(position - 1)
        .withKey(key)
        .withTimestamp(timestampMillis)
        .withRecordType(RecordType.EVENT)
        .withValueType(valueType)
        .withIntent(intent)
        .withPartitionId(partitionId)
        .withRejectionType(RejectionType.NULL_VAL)
        .withRejectionReason("")
        .withBrokerVersion("8.8.9")
        .withRecordVersion(1)
        .withValue(value)
        .build();
  }
}
