package dev.sightline.probe.host;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import java.util.List;
import java.util.stream.LongStream;

/** Records built with zeebe-protocol's immutable builders. */
final class TestRecords {

  static final int PARTITION = 1;

  private TestRecords() {}

  static Record<RecordValue> processInstance(long position, ProcessInstanceIntent intent) {
    long key = ((long) PARTITION << 51) + position;
    return record(
        position,
        key,
        RecordType.EVENT,
        ValueType.PROCESS_INSTANCE,
        intent,
        ImmutableProcessInstanceRecordValue.builder()
            .withBpmnProcessId("order")
            .withVersion(1)
            .withProcessDefinitionKey(((long) PARTITION << 51) + 1)
            .withProcessInstanceKey(key)
            .withElementId("order")
            .withFlowScopeKey(-1)
            .withBpmnElementType(BpmnElementType.PROCESS)
            .withTenantId("<default>")
            .build());
  }

  static Record<RecordValue> job(long position) {
    return record(
        position,
        ((long) PARTITION << 51) + position,
        RecordType.EVENT,
        ValueType.JOB,
        JobIntent.CREATED,
        ImmutableJobRecordValue.builder().withType("ship").withRetries(3).build());
  }

  /** ELEMENT_ACTIVATING process-instance events at the given positions. */
  static List<Record<?>> processInstances(long... positions) {
    return LongStream.of(positions)
        .<Record<?>>mapToObj(
            position -> processInstance(position, ProcessInstanceIntent.ELEMENT_ACTIVATING))
        .toList();
  }

  private static Record<RecordValue> record(
      long position,
      long key,
      RecordType recordType,
      ValueType valueType,
      Intent intent,
      RecordValue value) {
    return ImmutableRecord.builder()
        .withPosition(position)
        .withSourceRecordPosition(position - 1)
        .withKey(key)
        .withTimestamp(1_700_000_000_000L + position)
        .withRecordType(recordType)
        .withValueType(valueType)
        .withIntent(intent)
        .withPartitionId(PARTITION)
        .withBrokerVersion("8.8.9")
        .withRecordVersion(1)
        .withValue(value)
        .build();
  }
}
