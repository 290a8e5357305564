package dev.sightline.exporter.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.latency.LatencyMeters;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;

/**
 * The {@code visible} stage through the whole exporter, on virtual time: wired into the record
 * path, published with the other stages, and never in the way of export, flush and acknowledgement.
 * The in-memory store's documents are searchable as soon as written.
 */
class ExporterVisibleStageTest {

  @TempDir Path dir;

  private static List<Record<?>> scenario() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private static Map<String, Object> args(Map<String, Object> visibility) {
    return Map.of(
        "latency", Map.of("visibility", visibility, "hlog", Map.of("path", "", "interval", "1s")));
  }

  @Test
  void shouldMeasureVisibleForEveryRecordOfEveryDocumentInTheSample() {
    // given every document in the sample
    var harness = new ExporterHarness(args(Map.of("sampleOneIn", 1)));
    var records = scenario();

    // when the records are exported and a few seconds pass
    harness.export(records);
    harness.advance(Duration.ofSeconds(3));

    // then every record that set a document's position is visible: the process instances' (the
    // definitions' documents have no position)
    var registry = harness.context.getMeterRegistry();
    var instances =
        records.stream()
            .filter(harness::accepted)
            .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
            .count();
    var visible =
        registry
            .get(LatencyMeters.TIMER)
            .tags("stage", "visible", "valueType", "PROCESS_INSTANCE", "partition", "1")
            .functionTimer();
    assertThat(visible.count()).isEqualTo(instances);
    assertThat(registry.get(VisibilityMeters.RECORDS).tag("outcome", "visible").counter().count())
        .isEqualTo(instances);
    assertThat(registry.get(VisibilityMeters.PENDING).gauge().value()).isZero();
    assertThat(harness.store.searches()).isPositive();
  }

  @Test
  void shouldWriteVisibleToTheHlogFileWithTheOtherStages() throws Exception {
    // given
    var harness =
        new ExporterHarness(
            Map.of(
                "latency",
                Map.of(
                    "visibility",
                    Map.of("sampleOneIn", 1),
                    "hlog",
                    Map.of("path", dir.toString(), "interval", "1s"))));

    // when
    harness.export(scenario());
    harness.advance(Duration.ofSeconds(3));
    harness.exporter.close();

    // then
    assertThat(Files.readString(dir.resolve("sightline-latency-partition-1.hlog")))
        .contains("Tag=visible:PROCESS_INSTANCE,", "Tag=flushed:PROCESS_INSTANCE,");
  }

  @Test
  // A guard: a thread waiting on the search would hang (join cannot be interrupted).
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void shouldExportFlushAndAcknowledgeWhileASearchIsNeverAnswered() {
    // given a node that takes searches and never answers them
    var store = new InMemoryStore();
    store.holdSearches();
    var harness =
        new ExporterHarness(
            args(Map.of("sampleOneIn", 1)),
            new VirtualClock(ExporterHarness.START_MILLIS),
            store,
            NOPLogger.NOP_LOGGER);
    var records = scenario();

    // when the records are exported in two parts, time passing in between and after
    harness.export(records.subList(0, records.size() / 2));
    harness.advance(Duration.ofSeconds(2));
    harness.export(records.subList(records.size() / 2, records.size()));
    harness.advance(Duration.ofSeconds(2));

    // then everything is written and acknowledged, while one search is still out, unanswered
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(store.searches()).isEqualTo(1);

    // and close does not wait for it
    harness.exporter.close();
    assertThat(store.isClosed()).isTrue();
  }

  @Test
  void shouldNotSearchWhenTurnedOff() {
    // given
    var harness = new ExporterHarness(args(Map.of("enabled", false)));

    // when
    harness.export(scenario());
    harness.advance(Duration.ofSeconds(3));

    // then
    var registry = harness.context.getMeterRegistry();
    assertThat(harness.store.searches()).isZero();
    assertThat(registry.find(LatencyMeters.TIMER).tag("stage", "visible").functionTimers())
        .isEmpty();
    assertThat(registry.find(VisibilityMeters.SEARCHES).counters()).isEmpty();
  }
}
