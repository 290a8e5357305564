package dev.sightline.probe.twohop.recordindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.HostContext;
import dev.sightline.probe.host.actor.VirtualClock;
import dev.sightline.probe.host.config.ExporterConfiguration;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordIndexExporterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final VirtualClock clock = new VirtualClock(1_795_000_000_000L);

  /** Records what was indexed; can fail. */
  private static final class FakeStore implements RecordIndexStore {
    final List<RecordDocument> indexed = new ArrayList<>();
    int failures;

    @Override
    public void ensureTemplates(Set<ValueType> valueTypes) {}

    @Override
    public void index(List<RecordDocument> documents) {
      if (failures > 0) {
        failures--;
        throw new StoreException("bulk failed: Elasticsearch unreachable (test)", null);
      }
      indexed.addAll(documents);
    }

    @Override
    public void purge(Set<ValueType> valueTypes) {}

    @Override
    public void close() {}
  }

  private RecordIndexExporter open(
      FakeStore store, TestController controller, Map<String, Object> args) {
    var exporter = new RecordIndexExporter(config -> store);
    exporter.configure(
        HostContext.standalone(new ExporterConfiguration("records", args), 1, clock));
    exporter.open(controller);
    return exporter;
  }

  private static List<Record<?>> records() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  @Test
  void shouldIndexEventsWithThe86NamesIdsRoutingAndPerValueTypeSequences() throws Exception {
    // given
    var store = new FakeStore();
    var controller = new TestController(clock);
    var exporter = open(store, controller, Map.of());
    var records = records();

    // when
    records.forEach(exporter::export);
    controller.advance(Duration.ofSeconds(5));

    // then
    assertThat(store.indexed).hasSize(records.size());
    var first = store.indexed.getFirst();
    assertThat(first.index()).isEqualTo("zeebe-record_process_8.8.9_2026-11-18");
    assertThat(first.id()).isEqualTo("1-" + records.getFirst().getPosition());
    assertThat(first.routing()).isEqualTo("1");
    var sequences =
        store.indexed.stream()
            .filter(d -> d.index().startsWith("zeebe-record_process-instance_"))
            .map(d -> readTree(d).get("sequence").asLong() - (1L << 51))
            .toList();
    assertThat(sequences)
        .as("1, 2, 3, … per value type")
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    assertThat(readTree(first).get("valueType").asText()).isEqualTo("PROCESS");
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }

  @Test
  void shouldWaitFiveSecondsByDefaultBeforeFlushing() {
    var store = new FakeStore();
    var controller = new TestController(clock);
    var exporter = open(store, controller, Map.of());
    records().forEach(exporter::export);

    controller.advance(Duration.ofMillis(4_999));
    assertThat(store.indexed).isEmpty();
    controller.advance(Duration.ofMillis(1));
    assertThat(store.indexed).isNotEmpty();
  }

  @Test
  void shouldSkipCommandsButLetThePositionAdvance() {
    var store = new FakeStore();
    var controller = new TestController(clock);
    var exporter = open(store, controller, Map.of());
    var event = records().getFirst();
    var command =
        ImmutableRecord.copyOf(event)
            .withRecordType(RecordType.COMMAND)
            .withPosition(event.getPosition() + 1);

    exporter.export(event);
    exporter.export(command);
    controller.advance(Duration.ofSeconds(5));

    assertThat(store.indexed).hasSize(1);
    assertThat(controller.getLastExportedRecordPosition()).isEqualTo(command.getPosition());
  }

  @Test
  void shouldContinueTheSequencesFromItsMetadataAfterARestart() {
    // given a first run that acknowledged with its counters
    var store = new FakeStore();
    var controller = new TestController(clock);
    var records = records();
    var exporter = open(store, controller, Map.of());
    records.subList(0, 10).forEach(exporter::export);
    exporter.close();

    // when a new instance resumes from the stored position and metadata
    var restarted =
        new TestController(
            clock,
            controller.getLastExportedRecordPosition(),
            controller.readMetadata().orElseThrow());
    var second = open(store, restarted, Map.of());
    records.subList(10, records.size()).forEach(second::export);
    second.close();

    // then every sequence is unique and gapless per value type
    for (var valueType : List.of("process", "process-instance")) {
      var sequences =
          store.indexed.stream()
              .filter(d -> d.index().startsWith("zeebe-record_" + valueType + "_"))
              .map(d -> readTree(d).get("sequence").asLong() - (1L << 51))
              .sorted()
              .toList();
      assertThat(sequences)
          .as(valueType)
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList());
    }
  }

  @Test
  void shouldKeepTheBatchAndAcknowledgeNothingWhenTheBulkFails() {
    var store = new FakeStore();
    store.failures = 1;
    var controller = new TestController(clock);
    var exporter = open(store, controller, Map.of("bulk", Map.of("delay", "1s")));
    var records = records();
    records.forEach(exporter::export);

    controller.advance(Duration.ofSeconds(1));
    assertThat(controller.acknowledgements()).isEmpty();
    controller.advance(Duration.ofSeconds(2));

    assertThat(store.indexed).hasSize(records.size());
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(RecordDocument document) {
    try {
      return JSON.readTree(document.source());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
