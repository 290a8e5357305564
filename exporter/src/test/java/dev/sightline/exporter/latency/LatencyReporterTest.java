package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LatencyReporterTest {

  private static final long T0 = 1_800_000_000_000L;
  private static final int PI = ValueType.PROCESS_INSTANCE.ordinal();

  @TempDir Path dir;

  private final VirtualClock clock = new VirtualClock(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StageRecorders recorders = new StageRecorders();
  private final LatencyMeters meters = new LatencyMeters(registry, 1, recorders);

  /** Large and old enough never to roll in these tests. */
  private static final RollingHlog.Policy NO_ROLL =
      new RollingHlog.Policy(1L << 30, Duration.ofDays(365).toMillis(), 7);

  private LatencyReporter reporter(RollingHlog hlog) {
    return new LatencyReporter(
        recorders,
        meters,
        hlog,
        Duration.ofSeconds(10),
        clock::millis,
        LoggerFactory.getLogger("test"));
  }

  private double timerCount(String stage) {
    return registry
        .get(LatencyMeters.TIMER)
        .tags("stage", stage, "valueType", "PROCESS_INSTANCE")
        .functionTimer()
        .count();
  }

  private static List<EncodableHistogram> read(Path file) throws IOException {
    var out = new ArrayList<EncodableHistogram>();
    try (var reader = new HistogramLogReader(file.toFile())) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        out.add(next);
      }
    }
    return out;
  }

  @Test
  void shouldPublishWhatWasRecordedToTheTimersOnEveryTick() {
    // given
    var reporter = reporter(null);
    recorders.record(LatencyStage.FLUSHED, PI, 300_000, 5);
    reporter.tick();

    // when more is recorded and the next tick comes
    recorders.record(LatencyStage.FLUSHED, PI, 300_000, 2);
    recorders.record(LatencyStage.BULK, PI, 20_000, 2);
    clock.advance(LatencyReporter.TICK);
    reporter.tick();

    // then every value reached its timer exactly once
    assertThat(timerCount("flushed")).isEqualTo(7);
    assertThat(timerCount("bulk")).isEqualTo(2);
  }

  @Test
  void shouldWriteOneTaggedLinePerStageAndValueTypeOnceTheIntervalHasPassed() throws IOException {
    // given a reporter with an .hlog file and 10 s intervals
    var file = HlogFile.fileFor(dir, 1);
    var reporter = reporter(RollingHlog.open(dir, 1, NO_ROLL, T0));

    // when ten ticks of one second each record one value
    for (var second = 1; second <= 10; second++) {
      recorders.record(LatencyStage.FLUSHED, PI, second * 100_000L, 1);
      recorders.record(LatencyStage.BULK, PI, 5_000, 1);
      clock.advance(Duration.ofSeconds(1));
      reporter.tick();
    }

    // then one interval of 10 s with all ten values, per (stage, value type)
    var histograms = read(file);
    assertThat(histograms)
        .extracting(EncodableHistogram::getTag)
        .containsExactlyInAnyOrder("flushed:PROCESS_INSTANCE", "bulk:PROCESS_INSTANCE");
    assertThat(histograms)
        .allSatisfy(
            h -> {
              assertThat(h.getStartTimeStamp()).isEqualTo(T0);
              assertThat(h.getEndTimeStamp()).isEqualTo(T0 + 10_000);
            });
    var flushed =
        (org.HdrHistogram.Histogram)
            histograms.stream()
                .filter(h -> h.getTag().startsWith("flushed"))
                .findFirst()
                .orElseThrow();
    assertThat(flushed.getTotalCount()).isEqualTo(10);
    reporter.close();
  }

  @Test
  void shouldWriteTheLastShortIntervalOnClose() throws IOException {
    // given
    var file = HlogFile.fileFor(dir, 1);
    var reporter = reporter(RollingHlog.open(dir, 1, NO_ROLL, T0));
    recorders.record(LatencyStage.EXPORTER_LAG, PI, 1_000, 3);
    clock.advance(Duration.ofMillis(2_500));

    // when
    reporter.close();

    // then
    var histograms = read(file);
    assertThat(histograms)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.getTag()).isEqualTo("exporter-lag:PROCESS_INSTANCE");
              assertThat(h.getEndTimeStamp() - h.getStartTimeStamp()).isEqualTo(2_500);
            });
    assertThat(timerCount("exporter-lag")).isEqualTo(3);
  }
}
