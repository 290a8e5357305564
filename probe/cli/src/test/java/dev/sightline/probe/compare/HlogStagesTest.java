package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlogStagesTest {

  private static final long MEASURED_FROM = 10_000;

  @TempDir Path dir;

  @Test
  void shouldTakeEveryIntervalThatOverlapsTheMeasuredPartAndNoOther() throws Exception {
    // given intervals of one second: before the measured part, straddling its start, inside it
    write(
        "exporter-1.hlog",
        interval("flushed:PROCESS_INSTANCE", 8_000, 9_000, 1_000),
        interval("flushed:PROCESS_INSTANCE", 9_500, 10_500, 2_000),
        interval("flushed:PROCESS_INSTANCE", 10_500, 11_500, 3_000),
        interval("flushed:JOB", 10_500, 11_500, 4_000),
        interval("other:PROCESS_INSTANCE", 10_500, 11_500, 5_000));

    // when
    var stages =
        HlogStages.read(dir, "PROCESS_INSTANCE", MEASURED_FROM, Map.of("flushed", "flushed"));

    // then
    assertThat(stages).containsOnlyKeys("flushed");
    var flushed = stages.get("flushed");
    assertThat(flushed.getTotalCount()).isEqualTo(2);
    assertThat(flushed.getMinValue()).isEqualTo(2_000);
    assertThat(flushed.getMaxValue()).isBetween(3_000L, 3_010L);
  }

  @Test
  void shouldFindNothingWithoutTheFolder() throws Exception {
    assertThat(HlogStages.read(dir.resolve("none"), "JOB", 0, Map.of("flushed", "flushed")))
        .isEmpty();
  }

  private static Histogram interval(String tag, long start, long end, long value) {
    var histogram = new Histogram(3);
    histogram.recordValue(value);
    histogram.setTag(tag);
    histogram.setStartTimeStamp(start);
    histogram.setEndTimeStamp(end);
    return histogram;
  }

  private void write(String name, Histogram... intervals) throws Exception {
    Files.createDirectories(dir);
    try (var out = new PrintStream(Files.newOutputStream(dir.resolve(name)))) {
      var writer = new HistogramLogWriter(out);
      writer.outputLogFormatVersion();
      writer.outputStartTime(0);
      writer.setBaseTime(0);
      writer.outputLegend();
      for (var interval : intervals) {
        writer.outputIntervalHistogram(interval);
      }
    }
  }
}
