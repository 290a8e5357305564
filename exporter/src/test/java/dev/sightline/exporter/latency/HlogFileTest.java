package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .hlog} format, pinned by the fixture {@code latency/two-intervals.hlog} (see
 * docs/latency.md).
 */
class HlogFileTest {

  private static final long START_MILLIS = 1_800_000_000_000L;

  @TempDir Path dir;

  private static Histogram histogram(long... valuesMicros) {
    var histogram = StageRecorders.newHistogram();
    for (var value : valuesMicros) {
      histogram.recordValue(value);
    }
    return histogram;
  }

  /** Two intervals of 10 s: flushed and bulk of PROCESS_INSTANCE, then flushed only. */
  private Path writeTwoIntervals() throws IOException {
    var file = HlogFile.fileFor(dir, 2);
    try (var hlog = HlogFile.open(file, 2, START_MILLIS)) {
      hlog.write(
          START_MILLIS,
          START_MILLIS + 10_000,
          LatencyStage.FLUSHED,
          ValueType.PROCESS_INSTANCE,
          histogram(250_000, 500_000, 1_000_000));
      hlog.write(
          START_MILLIS,
          START_MILLIS + 10_000,
          LatencyStage.BULK,
          ValueType.PROCESS_INSTANCE,
          histogram(12_345, 12_345, 12_345));
      hlog.write(
          START_MILLIS + 10_000,
          START_MILLIS + 20_000,
          LatencyStage.FLUSHED,
          ValueType.PROCESS_INSTANCE,
          histogram(2_000));
      hlog.flush();
    }
    return file;
  }

  private static List<String> fixture() throws IOException {
    try (InputStream in = HlogFileTest.class.getResourceAsStream("/latency/two-intervals.hlog")) {
      assertThat(in).as("fixture latency/two-intervals.hlog").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static List<EncodableHistogram> readAll(Path file) throws IOException {
    var histograms = new ArrayList<EncodableHistogram>();
    try (var reader = new HistogramLogReader(file.toFile())) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        histograms.add(next);
      }
    }
    return histograms;
  }

  @Test
  void shouldNameOneFilePerPartition() {
    assertThat(HlogFile.fileFor(Path.of("/var/log/sl"), 7))
        .isEqualTo(Path.of("/var/log/sl/sightline-latency-partition-7.hlog"));
  }

  @Test
  void shouldWriteTheDocumentedFormat() throws IOException {
    // given / when
    var file = writeTwoIntervals();

    // then: line for line the fixture, except what may differ between machines and is not the
    // format: the
    // human-readable date (default time zone) and the compressed bytes (the zlib build) of each
    // histogram
    var written = Files.readAllLines(file);
    var expected = fixture();
    assertThat(written.stream().map(HlogFileTest::comparable))
        .containsExactlyElementsOf(expected.stream().map(HlogFileTest::comparable).toList());
    for (var i = 0; i < written.size(); i++) {
      if (written.get(i).startsWith("Tag=")) {
        assertThat(decode(written.get(i))).as("line %d", i + 1).isEqualTo(decode(expected.get(i)));
      }
    }
  }

  private static String comparable(String line) {
    if (line.startsWith("#[StartTime: ")) {
      return line.substring(0, line.indexOf(')') + 1);
    }
    return line.startsWith("Tag=") ? line.substring(0, line.lastIndexOf(',')) : line;
  }

  private static Histogram decode(String line) {
    try {
      var base64 = line.substring(line.lastIndexOf(',') + 1);
      return Histogram.decodeFromCompressedByteBuffer(
          java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void shouldBeReadableByHdrHistogramsOwnReaderWithTagsAndAbsoluteTimes() throws IOException {
    // given
    var file = writeTwoIntervals();

    // when
    var histograms = readAll(file);

    // then
    assertThat(histograms)
        .extracting(EncodableHistogram::getTag)
        .containsExactly(
            "flushed:PROCESS_INSTANCE", "bulk:PROCESS_INSTANCE", "flushed:PROCESS_INSTANCE");
    var first = (Histogram) histograms.get(0);
    assertThat(first.getTotalCount()).isEqualTo(3);
    assertThat(first.getValueAtPercentile(50)).isBetween(499_000L, 501_000L);
    assertThat(first.getStartTimeStamp()).isEqualTo(START_MILLIS);
    assertThat(first.getEndTimeStamp()).isEqualTo(START_MILLIS + 10_000);
    assertThat(histograms.get(2).getStartTimeStamp()).isEqualTo(START_MILLIS + 10_000);
  }

  @Test
  void shouldReadTheCommittedFixtureWithHdrHistogramsOwnReader() throws IOException {
    // given the fixture as committed, not as this code writes it today
    var file = dir.resolve("fixture.hlog");
    Files.write(file, fixture());

    // when
    var histograms = readAll(file);

    // then
    assertThat(histograms).hasSize(3);
    assertThat(histograms.get(1).getTag()).isEqualTo("bulk:PROCESS_INSTANCE");
    assertThat(((Histogram) histograms.get(1)).getTotalCount()).isEqualTo(3);
    assertThat(histograms.get(1).getMaxValueAsDouble()).isBetween(12_340.0, 12_360.0);
  }
}
