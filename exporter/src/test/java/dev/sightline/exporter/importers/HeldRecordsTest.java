package dev.sightline.exporter.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.ReusedRecordView;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The records held while the exporter waits for the importers: copies, in order, bounded. */
class HeldRecordsTest {

  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final RecordFactory factory = new RecordFactory(1);

  private List<Record<?>> records() {
    var scenario = new ProcessScenario(factory, true, ExporterHarness.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private Record<?> variable(int valueChars) {
    var value =
        ImmutableVariableRecordValue.builder()
            .withName("payload")
            .withValue("\"" + "x".repeat(valueChars) + "\"")
            .withScopeKey(factory.nextKey())
            .withProcessInstanceKey(factory.nextKey())
            .withProcessDefinitionKey(factory.nextKey())
            .withBpmnProcessId("process")
            .withTenantId("<default>")
            .build();
    return factory.event(
        ValueType.VARIABLE, VariableIntent.CREATED, factory.nextKey(), value, 1_000L);
  }

  private double gauge(String name) {
    return meters.get(name).tag("partition", "1").gauge().value();
  }

  @ParameterizedTest(name = "copyOf supported: {0}")
  @ValueSource(booleans = {true, false})
  void shouldKeepEachRecordAsItWasWhenTheBrokerReusesTheRecordObject(boolean supportsCopyOf) {
    // given
    var held = new HeldRecords(1_000, 20L << 20, meters, 1);
    var records = records();
    var view = new ReusedRecordView(supportsCopyOf);

    // when every record arrives through the one object the broker re-points
    records.forEach(record -> held.hold(view.show(record)));

    // then each held record is the one that arrived, oldest first
    for (var record : records) {
      assertThat(held.first()).isNotSameAs(view.show(record));
      assertThat(held.first().getPosition()).isEqualTo(record.getPosition());
      assertThat(held.first().getValue()).isEqualTo(record.getValue());
      assertThat(held.first().getIntent()).isEqualTo(record.getIntent());
      held.removeFirst();
    }
    assertThat(held.isEmpty()).isTrue();
  }

  @Test
  void shouldRefuseOnceTheEstimatedBytesReachTheLimitButHoldOneRecordLargerThanIt() {
    // given room for 1 KiB of records
    var held = new HeldRecords(1_000, 1_024, meters, 1);

    // when a record of about 10 KiB arrives, then another
    held.hold(variable(5_000));

    // then the first is held, the second refused for a retry
    assertThat(held.estimatedBytes()).isGreaterThan(10_000);
    assertThatThrownBy(() -> held.hold(variable(10)))
        .isInstanceOf(ExporterException.class)
        .hasMessageContaining("Holding 1 records (~" + held.estimatedBytes() + " bytes")
        .hasMessageContaining("at most 1000 records or 1024 bytes")
        .hasMessageContaining("partition 1");
    assertThat(held.count()).isOne();
  }

  @Test
  void shouldShowWhatIsHeldInItsGaugesUntilReleasedOrCleared() {
    // given
    var held = new HeldRecords(1_000, 20L << 20, meters, 1);
    var records = records();
    records.forEach(held::hold);
    assertThat(gauge("sightline.exporter.importers.held")).isEqualTo(records.size());
    var bytes = gauge("sightline.exporter.importers.held.bytes");
    assertThat(bytes).isEqualTo(held.estimatedBytes()).isPositive();

    // when one is released, then the rest dropped
    held.removeFirst();
    assertThat(gauge("sightline.exporter.importers.held")).isEqualTo(records.size() - 1);
    assertThat(gauge("sightline.exporter.importers.held.bytes")).isLessThan(bytes);
    held.clear();

    // then
    assertThat(gauge("sightline.exporter.importers.held")).isZero();
    assertThat(gauge("sightline.exporter.importers.held.bytes")).isZero();
    assertThat(held.isEmpty()).isTrue();
  }
}
