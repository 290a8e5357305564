package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableMessageRecordValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records no handler needs are acknowledged and counted by reason, never thrown. */
class SkippedRecordsTest {

  private final ExporterHarness harness =
      new ExporterHarness(
          Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 1000, "delay", "1s")));
  private final RecordFactory records = new RecordFactory(1);

  private double skipped(String reason) {
    var counter =
        harness
            .context
            .getMeterRegistry()
            .find("sightline.exporter.records.skipped")
            .tag("reason", reason)
            .counter();
    return counter == null ? -1 : counter.count();
  }

  @Test
  void shouldCountAValueTypeNoHandlerReads() {
    // given
    var message =
        records.event(
            ValueType.MESSAGE,
            MessageIntent.PUBLISHED,
            records.nextKey(),
            ImmutableMessageRecordValue.builder().build(),
            0);

    // when
    harness.exporter.export(message);

    // then
    assertThat(skipped("value_type")).isEqualTo(1);
    assertThat(harness.controller.acknowledgements()).containsExactly(message.getPosition());
  }

  @Test
  void shouldCountAnIntentNoHandlerReads() {
    // given
    var job =
        records.event(
            ValueType.JOB,
            JobIntent.COMPLETE,
            records.nextKey(),
            ImmutableJobRecordValue.builder().build(),
            0);

    // when
    harness.exporter.export(job);

    // then
    assertThat(skipped("intent")).isEqualTo(1);
    assertThat(skipped("value_type")).isZero();
  }

  @Test
  void shouldCountCommandsAndRejections() {
    // given
    var event =
        records.event(
            ValueType.JOB,
            JobIntent.COMPLETED,
            records.nextKey(),
            ImmutableJobRecordValue.builder().build(),
            0);
    var command = ImmutableRecord.copyOf(event).withRecordType(RecordType.COMMAND);

    // when
    harness.exporter.export(command);

    // then
    assertThat(skipped("record_type")).isEqualTo(1);
    assertThat(harness.store.writes()).isEmpty();
  }

  @Test
  void shouldLetTheBrokerSkipWhatNoHandlerReads() {
    var filter = new ReadModelRecordFilter();
    assertThat(filter.acceptType(RecordType.EVENT)).isTrue();
    assertThat(filter.acceptType(RecordType.COMMAND)).isFalse();
    for (var type :
        new ValueType[] {
          ValueType.PROCESS_INSTANCE,
          ValueType.PROCESS,
          ValueType.VARIABLE,
          ValueType.INCIDENT,
          ValueType.JOB,
          ValueType.USER_TASK
        }) {
      assertThat(filter.acceptValue(type)).as(type.name()).isTrue();
    }
    assertThat(filter.acceptValue(ValueType.MESSAGE)).isFalse();
    assertThat(ReadModelRecordFilter.valueTypes()).hasSize(6).allMatch(filter::acceptValue);
    assertThat(filter.acceptIntent(VariableIntent.MIGRATED)).isTrue();
    assertThat(filter.acceptIntent(IncidentIntent.RESOLVED)).isTrue();
    assertThat(filter.acceptIntent(IncidentIntent.RESOLVE)).isFalse();
    assertThat(filter.acceptIntent(JobIntent.ERROR_THROWN)).isTrue();
    assertThat(filter.acceptIntent(JobIntent.FAIL)).isFalse();
    assertThat(filter.acceptIntent(UserTaskIntent.ASSIGNED)).isTrue();
    assertThat(filter.acceptIntent(UserTaskIntent.ASSIGNING)).isFalse();
    assertThat(filter.acceptIntent(ProcessIntent.DELETED)).isFalse();
    assertThat(filter.acceptIntent(ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN)).isFalse();
    assertThat(filter.acceptIntent(MessageIntent.PUBLISHED))
        .as("an intent of a type no handler knows")
        .isTrue();
  }
}
