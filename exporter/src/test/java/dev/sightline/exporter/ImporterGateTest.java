package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.importers.ImportFacts;
import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.ScriptedImportStatus;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.exporter.testing.VirtualClock;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On a cluster upgraded from the two-hop design, nothing is written or acknowledged before the
 * importers finish.
 */
class ImporterGateTest {

  private static final Map<String, Object> ARGS =
      Map.of(
          "index", Map.of("prefix", "t"),
          "bulk", Map.of("size", 1000, "delay", "1s", "linger", "1s"),
          "importers", Map.of("checkInterval", "10s"));

  private final VirtualClock clock = new VirtualClock(ExporterHarness.START_MILLIS);
  private final InMemoryStore store = new InMemoryStore();
  private final TestController controller = new TestController(clock);

  private static List<Record<?>> records() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private ExporterHarness harness(ScriptedImportStatus status) {
    return new ExporterHarness(ARGS, clock, store, controller, 1, status);
  }

  private double waitingGauge(ExporterHarness harness) {
    return harness
        .context
        .getMeterRegistry()
        .get("sightline.exporter.importers.waiting")
        .gauge()
        .value();
  }

  @Test
  void shouldNeitherFlushNorAcknowledgeWhileTheImportersAreNotDoneHoweverLongItWaits() {
    // given importers with one of three readers not completed
    var status = new ScriptedImportStatus().then(ImportStatus.of(2, 3));
    var harness = harness(status);

    // when records arrive and an hour passes
    harness.export(records());
    harness.advance(Duration.ofHours(1));

    // then nothing was written or acknowledged; the only task was the check, every 10 s
    assertThat(store.writes()).isEmpty();
    assertThat(controller.acknowledgements()).isEmpty();
    assertThat(controller.pendingTasks()).isEqualTo(1);
    assertThat(status.checks()).isEqualTo(1 + 360);
    assertThat(waitingGauge(harness)).isEqualTo(1.0);
  }

  @Test
  void shouldFlushAndAcknowledgeOnceEveryReaderHasCompleted() {
    // given
    var status = new ScriptedImportStatus().then(ImportStatus.of(2, 3));
    var harness = harness(status);
    var records = records();
    harness.export(records);
    harness.advance(Duration.ofSeconds(30));
    assertThat(store.writes()).isEmpty();

    // when the last reader completes
    status.answerFromNowOn(ImportStatus.of(3, 3));
    harness.advance(Duration.ofSeconds(10));

    // then the first flush writes everything and acknowledges with "importers done" in the metadata
    assertThat(store.writes()).hasSize(1);
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(new String(controller.readMetadata().orElseThrow(), StandardCharsets.UTF_8))
        .contains("\"importersDone\":true");
    assertThat(waitingGauge(harness)).isZero();
    assertThat(status.isClosed()).as("the status client is released").isTrue();
  }

  @Test
  void shouldNeverCheckAgainAfterARestartOnceTheImportersWereDone() {
    // given a first run that found the importers done and acknowledged with that in its metadata
    var first = harness(new ScriptedImportStatus().then(ImportStatus.of(1, 1)));
    first.export(records());
    first.advance(Duration.ofSeconds(1));
    first.exporter.close();
    var metadata = controller.readMetadata().orElseThrow();

    // when the exporter restarts from that position and metadata
    var restartedController =
        new TestController(clock, controller.getLastExportedRecordPosition(), metadata);
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    new ExporterHarness(ARGS, clock, new InMemoryStore(), restartedController, 1, status);

    // then it does not even ask
    assertThat(status.checks()).isZero();
  }

  @Test
  void shouldStayClosedWhileTheRecordsOfThePartitionHaveNoImportPositionYet() {
    // given record indices holding records of the partition, and Operate's position index without
    // a position of it: the importer has not saved its first one
    var operate = "operate-import-position-8.3.0_";
    var status =
        new ScriptedImportStatus()
            .then(new ImportFacts(true, 120, Set.of(operate), List.of()).status());
    var harness = harness(status);
    var records = records();

    // when records arrive and an hour passes
    harness.export(records);
    harness.advance(Duration.ofHours(1));

    // then nothing was written, acknowledged or remembered as done
    assertThat(store.writes()).isEmpty();
    assertThat(controller.acknowledgements()).isEmpty();
    assertThat(controller.readMetadata()).isEmpty();
    assertThat(waitingGauge(harness)).isEqualTo(1.0);

    // and once the importer has saved its position and completed, everything is written
    status.answerFromNowOn(
        new ImportFacts(
                true,
                120,
                Set.of(operate),
                List.of(new ImportFacts.Position(operate, "zeebe-record-process-instance", true)))
            .status());
    harness.advance(Duration.ofSeconds(10));
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(new String(controller.readMetadata().orElseThrow(), StandardCharsets.UTF_8))
        .contains("\"importersDone\":true");
  }

  @Test
  void shouldWriteAtOnceOnAFreshInstallWithoutImportPositions() {
    var status = new ScriptedImportStatus().then(ImportStatus.nothingToWaitFor());
    var harness = harness(status);

    harness.export(records());
    harness.advance(Duration.ofSeconds(1));

    assertThat(store.writes()).hasSize(1);
    assertThat(status.checks()).isEqualTo(1);
  }

  @Test
  void shouldRetryACheckThatFailsBecauseElasticsearchIsUnreachable() {
    // given two failing checks, then completed importers
    var status = new ScriptedImportStatus().then(null).then(null).then(ImportStatus.of(4, 4));
    var harness = harness(status);
    harness.export(records());

    // when
    harness.advance(Duration.ofSeconds(19));
    assertThat(store.writes()).as("after two failed checks").isEmpty();
    harness.advance(Duration.ofSeconds(1));

    // then the third check opened the gate
    assertThat(status.checks()).isEqualTo(3);
    assertThat(store.writes()).hasSize(1);
  }

  @Test
  void shouldRefuseRecordsWhenTheBatchIsFullWhileWaitingAndLoseNothing() {
    // given a tiny batch and waiting importers
    var args =
        Map.<String, Object>of(
            "index",
            Map.of("prefix", "t"),
            "bulk",
            Map.of("size", 2, "delay", "1s", "linger", "1s"));
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    var harness = new ExporterHarness(args, clock, store, controller, 1, status);
    var records =
        records().stream().filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE).toList();
    harness.export(records.subList(0, 3)); // two documents: full

    // when the next record arrives
    assertThatThrownBy(() -> harness.exporter.export(records.get(3)))
        .isInstanceOf(ExporterException.class)
        .hasMessageContaining("waiting for the two-hop importers");

    // then once the importers are done, the broker's retry of that record and the rest go through
    status.answerFromNowOn(ImportStatus.of(1, 1));
    harness.advance(Duration.ofSeconds(10));
    harness.export(records.subList(3, records.size()));
    harness.advance(Duration.ofSeconds(1));
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    var reference = new ExporterHarness(args, new VirtualClock(0), new InMemoryStore(), 1);
    reference.export(records);
    reference.advance(Duration.ofSeconds(1));
    assertThat(store.snapshot()).isEqualTo(reference.store.snapshot());
  }
}
