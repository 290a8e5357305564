package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.ScriptedImportStatus;
import dev.sightline.exporter.testing.TestController;
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
import org.HdrHistogram.HistogramLogReader;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages through the whole exporter, on virtual time, as the broker would drive it. */
class ExporterLatencyTest {

  @TempDir Path dir;

  /** The scenario's records, written 5 ms apart from START_MILLIS on. */
  private static List<Record<?>> scenario() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  @Test
  void shouldPublishEveryStageOfEveryExportedRecordAsATimer() {
    // given an exporter whose batch is due 1 s after its first record
    var harness =
        new ExporterHarness(
            Map.of("bulk", Map.of("delay", "1s", "linger", "1s", "maxInFlight", 1)));
    var records = scenario();
    var lastTimestamp = records.getLast().getTimestamp();
    harness.advance(Duration.ofMillis(lastTimestamp - ExporterHarness.START_MILLIS + 10));

    // when every record is exported 10 ms after the last was written, and the flush and a tick pass
    harness.export(records);
    harness.advance(Duration.ofSeconds(3));

    // then
    var registry = harness.context.getMeterRegistry();
    var accepted = records.stream().filter(harness::accepted).count();
    var flushed =
        registry
            .get(LatencyMeters.TIMER)
            .tags("stage", "flushed", "partition", "1")
            .functionTimers();
    assertThat(flushed.stream().mapToDouble(t -> t.count()).sum()).isEqualTo(accepted);
    var instances =
        records.stream().filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE).toList();
    var expectedLagMillis =
        instances.stream().mapToLong(r -> lastTimestamp + 10 - r.getTimestamp()).sum();
    var lag =
        registry
            .get(LatencyMeters.TIMER)
            .tags("stage", "exporter-lag", "valueType", "PROCESS_INSTANCE")
            .functionTimer();
    assertThat(lag.count()).isEqualTo(instances.size());
    assertThat(lag.totalTime(TimeUnit.MILLISECONDS))
        .as("each record from its own timestamp")
        .isCloseTo(expectedLagMillis, Offset.offset(instances.size() * 0.01));
    var wait =
        registry
            .get(LatencyMeters.TIMER)
            .tags("stage", "batch-wait", "valueType", "PROCESS_INSTANCE")
            .functionTimer();
    assertThat(wait.mean(TimeUnit.MILLISECONDS))
        .as("flushed when due: 1 s after acceptance")
        .isCloseTo(1_000, Offset.offset(2.0));
  }

  @Test
  void shouldWriteTheHlogFileOfThePartitionWhenConfigured() throws Exception {
    // given
    var harness =
        new ExporterHarness(
            Map.of(
                "bulk",
                Map.of("delay", "200ms", "linger", "200ms", "maxInFlight", 1),
                "latency",
                Map.of("hlog", Map.of("path", dir.toString(), "interval", "1s"))));

    // when
    harness.export(scenario());
    harness.advance(Duration.ofSeconds(3));
    harness.exporter.close();

    // then
    var file = dir.resolve("sightline-latency-partition-1.hlog");
    assertThat(Files.readString(file))
        .contains("Tag=flushed:PROCESS_INSTANCE,", "Tag=bulk:PROCESS,");
  }

  @Test
  void shouldStartTheFirstHlogIntervalWhenTheExporterStartsWriting() throws Exception {
    // given an exporter that waits 10 s for the two-hop importers before it may write: what it
    // measures comes after that, and an interval that starts at open would date it too early (a
    // comparison reading intervals from its measured part on would drop it)
    var clock = new VirtualClock(ExporterHarness.START_MILLIS);
    var status = new ScriptedImportStatus().then(ImportStatus.of(0, 1));
    var harness =
        new ExporterHarness(
            Map.of(
                "importers",
                Map.of("checkInterval", "10s"),
                "latency",
                Map.of("hlog", Map.of("path", dir.toString(), "interval", "5s"))),
            clock,
            new InMemoryStore(),
            new TestController(clock),
            1,
            status);
    harness.advance(Duration.ofSeconds(5));
    status.answerFromNowOn(ImportStatus.of(1, 1));
    harness.advance(Duration.ofSeconds(5));
    var writingFrom = clock.millis();

    // when records come and are written, within the first interval
    harness.export(scenario());
    harness.advance(Duration.ofSeconds(1));
    harness.exporter.close();

    // then every interval of the file starts when the exporter started writing, or later
    var starts = new ArrayList<Long>();
    try (var reader =
        new HistogramLogReader(dir.resolve("sightline-latency-partition-1.hlog").toFile())) {
      for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
        starts.add(h.getStartTimeStamp());
      }
    }
    assertThat(starts).isNotEmpty().allMatch(start -> start >= writingFrom);
  }
}
