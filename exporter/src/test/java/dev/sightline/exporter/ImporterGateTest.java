package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.importers.ImportFacts;
import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.ReusedRecordView;
import dev.sightline.exporter.testing.ScriptedImportStatus;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
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
    return meter(harness, "sightline.exporter.importers.waiting");
  }

  private static double meter(ExporterHarness harness, String name) {
    return harness.context.getMeterRegistry().get(name).gauge().value();
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
  void shouldHandleRecordsHeldWhileWaitingWithWhatTheImporterWroteBeforeTheGateOpened() {
    // given records as brokers before 8.8 wrote them (no tree fields); the old broker's part, with
    // the deployment and the first half of an instance, is the importer's to import
    var scenario = new ProcessScenario(new RecordFactory(1), false, ExporterHarness.START_MILLIS);
    var old = new ArrayList<Record<?>>(scenario.deploy());
    var split = scenario.runToCompletion();
    var child = scenario.childInstanceKey;
    var childPath =
        "PI_%d/FN_call-child/FNI_%d/PI_%d"
            .formatted(scenario.parentInstanceKey, scenario.callActivityInstanceKey, child);
    var childStart = indexOfKey(split, child);
    old.addAll(split.subList(0, childStart));
    var newer = new ArrayList<Record<?>>(split.subList(childStart, split.size()));
    newer.addAll(scenario.runToCompletion());
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    var harness = harness(status);

    // when the newer records arrive while the importer has not imported anything yet, through one
    // record object the broker re-points at each record
    var view = new ReusedRecordView(true);
    for (var record : newer) {
      if (harness.accepted(record)) {
        harness.exporter.export(view.show(record));
      }
    }
    harness.advance(Duration.ofSeconds(30));
    assertThat(store.gets()).as("no handler looked anything up while waiting").isZero();
    // and the importer imports the old records (an exporter with nothing to wait for stands in for
    // it), then completes
    var importer = new ExporterHarness(ARGS, clock, store, new TestController(clock), 1);
    importer.export(old);
    importer.advance(Duration.ofSeconds(1));
    status.answerFromNowOn(ImportStatus.of(1, 1));
    harness.advance(Duration.ofSeconds(10));

    // then the newer documents got their names and treePaths from the imported ones: the read
    // model equals one exporter's over all records
    assertThat(controller.getLastExportedRecordPosition()).isEqualTo(newer.getLast().getPosition());
    assertThat(store.index("t-process-instance-v2").get(Long.toString(child)))
        .as("the child started after the split")
        .containsEntry("processName", "Child process")
        .containsEntry("treePath", childPath);
    var all = new ArrayList<Record<?>>(old);
    all.addAll(newer);
    assertThat(store.snapshot()).isEqualTo(referenceRun(ARGS, all));
  }

  @Test
  void shouldRefuseRecordsWhenTheHoldingQueueIsFullWhileWaitingAndLoseNothing() {
    // given room for two records and waiting importers
    var args =
        Map.<String, Object>of(
            "index",
            Map.of("prefix", "t"),
            "bulk",
            Map.of("size", 2, "delay", "1s", "linger", "1s"));
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    var harness = new ExporterHarness(args, clock, store, controller, 1, status);
    var records = records().stream().filter(harness::accepted).toList();
    harness.export(records.subList(0, 2));

    // when the next record arrives
    assertThatThrownBy(() -> harness.exporter.export(records.get(2)))
        .isInstanceOf(ExporterException.class)
        .hasMessageContaining("Holding 2 records")
        .hasMessageContaining("waiting for the two-hop importers")
        .hasMessageContaining("will be retried");

    // then two are held, none handled or acknowledged
    assertThat(meter(harness, "sightline.exporter.importers.held")).isEqualTo(2.0);
    assertThat(meter(harness, "sightline.exporter.importers.held.bytes")).isPositive();
    assertThat(controller.acknowledgements()).isEmpty();
    // and once the importers are done, the broker's retry of that record and the rest go through
    status.answerFromNowOn(ImportStatus.of(1, 1));
    harness.advance(Duration.ofSeconds(10));
    assertThat(meter(harness, "sightline.exporter.importers.held")).isZero();
    harness.export(records.subList(2, records.size()));
    harness.advance(Duration.ofSeconds(1));
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(store.snapshot()).isEqualTo(referenceRun(args, records));
  }

  @Test
  void shouldAcknowledgeNothingWhenClosedWhileWaitingSoTheBrokerExportsTheHeldRecordsAgain() {
    // given records of processes deployed before (their definitions would be looked up), held
    // while waiting
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    var harness = harness(status);
    var all = records();
    var records = all.subList(2, all.size());
    assertThat(records.getFirst().getValueType()).isEqualTo(ValueType.PROCESS_INSTANCE);
    harness.export(records);
    assertThat(meter(harness, "sightline.exporter.importers.held")).isPositive();

    // when the exporter closes while waiting
    harness.exporter.close();

    // then nothing was handled, written or acknowledged, and nothing stays held
    assertThat(store.gets()).as("no handler looked anything up").isZero();
    assertThat(store.writes()).isEmpty();
    assertThat(controller.acknowledgements()).isEmpty();
    assertThat(controller.readMetadata()).isEmpty();
    assertThat(meter(harness, "sightline.exporter.importers.held")).isZero();
    assertThat(meter(harness, "sightline.exporter.importers.held.bytes")).isZero();

    // and the broker exports them again after the restart: the read model ends complete
    var restarted = harness(new ScriptedImportStatus().then(ImportStatus.of(1, 1)));
    restarted.export(records);
    restarted.advance(Duration.ofSeconds(1));
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(store.snapshot()).isEqualTo(referenceRun(ARGS, records));
  }

  @Test
  void shouldKeepTheHeldRecordsWhenElasticsearchFailsAsTheGateOpensAndHandleThemLater() {
    // given records of processes deployed before (their definitions are looked up), held
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    var harness = harness(status);
    var all = records();
    var records = all.subList(2, all.size());
    harness.export(records);
    var held = meter(harness, "sightline.exporter.importers.held");

    // when the importers are done while Elasticsearch is down
    store.setDown(true);
    status.answerFromNowOn(ImportStatus.of(1, 1));
    harness.advance(Duration.ofSeconds(10));

    // then the records stay held, in order, and nothing is acknowledged
    assertThat(meter(harness, "sightline.exporter.importers.held")).isEqualTo(held);
    assertThat(controller.acknowledgements()).isEmpty();
    // and once it is back, the periodic flush handles and writes them
    store.setDown(false);
    harness.advance(Duration.ofSeconds(11));
    assertThat(meter(harness, "sightline.exporter.importers.held")).isZero();
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(store.snapshot()).isEqualTo(referenceRun(ARGS, records));
  }

  private static int indexOfKey(List<Record<?>> records, long key) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).getKey() == key) {
        return i;
      }
    }
    throw new IllegalArgumentException("no record of key " + key);
  }

  /** The read model one exporter writes for the records with no importer to wait for. */
  private static Map<String, Map<String, Map<String, Object>>> referenceRun(
      Map<String, Object> args, List<Record<?>> records) {
    var reference = new ExporterHarness(args, new VirtualClock(0), new InMemoryStore(), 1);
    reference.export(records);
    reference.advance(Duration.ofSeconds(1));
    return reference.store.snapshot();
  }
}
