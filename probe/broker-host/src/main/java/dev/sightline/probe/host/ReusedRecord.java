package dev.sightline.probe.host;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.Map;

/**
 * The one {@link Record} object a partition hands to its exporters, re-pointed at each new record,
 * as the broker re-wraps one record over its read buffer. An exporter that keeps the object instead
 * of copying what it needs sees later records through it, here as in a broker. {@link #copyOf()}
 * gives a real copy.
 *
 * <p>Thread-safety: confined to the partition's actor.
 */
final class ReusedRecord implements Record<RecordValue> {

  private Record<?> current;

  void wrap(Record<?> record) {
    current = record;
  }

  @Override
  public long getPosition() {
    return current.getPosition();
  }

  @Override
  public long getSourceRecordPosition() {
    return current.getSourceRecordPosition();
  }

  @Override
  public long getKey() {
    return current.getKey();
  }

  @Override
  public long getTimestamp() {
    return current.getTimestamp();
  }

  @Override
  public Intent getIntent() {
    return current.getIntent();
  }

  @Override
  public int getPartitionId() {
    return current.getPartitionId();
  }

  @Override
  public RecordType getRecordType() {
    return current.getRecordType();
  }

  @Override
  public RejectionType getRejectionType() {
    return current.getRejectionType();
  }

  @Override
  public String getRejectionReason() {
    return current.getRejectionReason();
  }

  @Override
  public String getBrokerVersion() {
    return current.getBrokerVersion();
  }

  @Override
  public Map<String, Object> getAuthorizations() {
    return current.getAuthorizations();
  }

  @Override
  public int getRecordVersion() {
    return current.getRecordVersion();
  }

  @Override
  public ValueType getValueType() {
    return current.getValueType();
  }

  @Override
  public RecordValue getValue() {
    return current.getValue();
  }

  @Override
  public long getOperationReference() {
    return current.getOperationReference();
  }

  @Override
  public long getBatchOperationReference() {
    return current.getBatchOperationReference();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Record<RecordValue> copyOf() {
    return ImmutableRecord.copyOf((Record<RecordValue>) current);
  }

  @Override
  public String toJson() {
    return current.toJson();
  }

  @Override
  public String toString() {
    return current.toString();
  }
}
