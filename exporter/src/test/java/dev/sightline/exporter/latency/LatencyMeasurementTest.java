package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The measurement as the exporter opens it from its settings, on virtual time. */
class LatencyMeasurementTest {

  private static final long T0 = 1_800_000_000_000L;

  @TempDir Path dir;

  private final VirtualClock clock = new VirtualClock(T0);
  private final RecordFactory records = new RecordFactory(1);

  @Test
  void shouldTickOnTheBrokersSchedulerUntilClosed() throws Exception {
    // given a measurement writing one-second intervals, ticking on the broker's scheduler
    var measurement = withHlogIntervals("1s");
    var controller = new TestController(clock);
    measurement.startIntervals();
    measurement.startTicking(controller);
    measurement.startTicking(controller); // a second start changes nothing

    // when 5 s pass with a record flushed every 100 ms
    for (int i = 0; i < 50; i++) {
      accept(measurement);
      measurement.tracker().flushStarted();
      measurement.tracker().flushSucceeded();
      controller.advance(Duration.ofMillis(100));
    }
    var file = dir.resolve("sightline-latency-partition-1.hlog");
    var written = intervals(file);

    // then the ticks alone wrote the intervals so far, one tick scheduled at a time
    assertThat(written).isGreaterThanOrEqualTo(4);
    assertThat(controller.pendingTasks()).isEqualTo(1);

    // and close cancels the tick
    measurement.close();
    assertThat(controller.pendingTasks()).isZero();
  }

  /** The measurement the exporter opens with an .hlog file in {@link #dir}. */
  private LatencyMeasurement withHlogIntervals(String interval) {
    var config =
        ConfigParser.parse(
                Map.of(
                    "latency",
                    Map.of("hlog", Map.of("path", dir.toString(), "interval", interval))))
            .latency();
    return LatencyMeasurement.open(
        config, new SimpleMeterRegistry(), 1, clock, LoggerFactory.getLogger("test"));
  }

  /** A process instance record stamped now, accepted now. */
  private void accept(LatencyMeasurement measurement) {
    var record =
        records.event(
            ValueType.PROCESS_INSTANCE,
            ProcessInstanceIntent.ELEMENT_ACTIVATING,
            records.nextKey(),
            ImmutableProcessInstanceRecordValue.builder().build(),
            clock.millis());
    measurement.tracker().recordAccepted(record, clock.millis());
  }

  private static int intervals(Path file) throws Exception {
    var count = 0;
    try (var reader = new HistogramLogReader(file.toFile())) {
      while (reader.nextIntervalHistogram() != null) {
        count++;
      }
    }
    return count;
  }

  @Test
  void shouldRollTheHlogFileDailyByDefaultSoThatNoFileGrowsForever() throws Exception {
    // given an .hlog file with one-hour intervals and the default rolling settings
    var measurement = withHlogIntervals("1h");

    // when one record an hour is flushed for two and a half days (a tick an hour is enough)
    var hours = 60;
    for (int hour = 0; hour < hours; hour++) {
      accept(measurement);
      measurement.tracker().flushStarted();
      clock.advance(Duration.ofMillis(20));
      measurement.tracker().flushSucceeded();
      clock.advance(Duration.ofHours(1).minusMillis(20));
      measurement.tick();
    }
    measurement.close();

    // then the file was rolled after each day, and every file is a whole log of its own
    List<Path> files;
    try (var listed = Files.list(dir)) {
      files = listed.sorted().toList();
    }
    assertThat(files).hasSize(3);
    assertThat(files.getLast()).isEqualTo(dir.resolve("sightline-latency-partition-1.hlog"));
    var flushed = 0L;
    for (int day = 0; day < files.size(); day++) {
      var file = files.get(day);
      assertThat(Files.readAllLines(file).get(1)).isEqualTo("#[Histogram log format version 1.3]");
      try (var reader = new HistogramLogReader(file.toFile())) {
        for (var h = reader.nextIntervalHistogram();
            h != null;
            h = reader.nextIntervalHistogram()) {
          assertThat(h.getStartTimeStamp())
              .as("%s holds day %d", file.getFileName(), day + 1)
              .isBetween(
                  T0 + Duration.ofDays(day).toMillis(), T0 + Duration.ofDays(day + 1).toMillis());
          if (h.getTag().startsWith("flushed:")) {
            flushed += ((Histogram) h).getTotalCount();
          }
        }
      }
    }
    assertThat(flushed).as("every record's flushed stage, once").isEqualTo(hours);
  }
}
