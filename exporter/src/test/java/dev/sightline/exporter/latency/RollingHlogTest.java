package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolling the {@code .hlog} files like any log (docs/latency.md, ".hlog files"). */
class RollingHlogTest {

  private static final long T0 = 1_800_000_000_000L;
  private static final long INTERVAL_MILLIS = 10_000;
  private static final long NEVER = Duration.ofDays(365).toMillis();

  @TempDir Path dir;

  /**
   * Writes {@code intervals} intervals of 10 s from T0 on, two tags each, three values a tag;
   * returns the rolling log, still open.
   */
  private RollingHlog write(RollingHlog.Policy policy, int intervals) throws IOException {
    var hlog = RollingHlog.open(dir, 1, policy, T0);
    for (int i = 0; i < intervals; i++) {
      var start = T0 + i * INTERVAL_MILLIS;
      var end = start + INTERVAL_MILLIS;
      hlog.write(start, end, LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, histogram(i));
      hlog.write(start, end, LatencyStage.BULK, ValueType.PROCESS_INSTANCE, histogram(i));
      hlog.endInterval(end);
    }
    return hlog;
  }

  private static Histogram histogram(int interval) {
    var histogram = StageRecorders.newHistogram();
    for (int i = 1; i <= 3; i++) {
      histogram.recordValue(1_000L * (interval + 1) * i);
    }
    return histogram;
  }

  /** Every .hlog of partition 1 in the folder, by name (the active file last). */
  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              file -> file.getFileName().toString().startsWith("sightline-latency-partition-1."))
          .sorted(
              (a, b) ->
                  a.equals(active()) ? 1 : b.equals(active()) ? -1 : a.compareTo(b)) // active last
          .toList();
    }
  }

  private Path active() {
    return HlogFile.fileFor(dir, 1);
  }

  private static List<Histogram> intervals(Path file) throws IOException {
    var histograms = new ArrayList<Histogram>();
    try (var reader = new HistogramLogReader(file.toFile())) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        histograms.add((Histogram) next);
      }
    }
    return histograms;
  }

  /** The file's header, as {@link HlogFile#open} writes it, comes first. */
  private static void assertStartsWithAHeader(Path file) throws IOException {
    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).as("%s", file.getFileName()).hasSizeGreaterThan(5);
    assertThat(lines.get(0)).startsWith("#Sightline exporter latency, partition 1");
    assertThat(lines.get(1)).isEqualTo("#[Histogram log format version 1.3]");
    assertThat(lines.get(2)).startsWith("#[StartTime: ");
    assertThat(lines.get(3)).startsWith("#[BaseTime: 0.000");
    assertThat(lines.get(4)).startsWith("\"StartTimestamp\",\"Interval_Length\"");
    assertThat(lines.subList(5, lines.size()))
        .allSatisfy(line -> assertThat(line).startsWith("Tag="));
  }

  /** HdrHistogram's own tool, as docs/latency.md shows it: the count of one tag over the file. */
  private long countByHistogramLogProcessor(Path file, String tag) throws IOException {
    var output = dir.resolve("processed-" + file.getFileName());
    new HistogramLogProcessor(
            new String[] {
              "-i",
              file.toString(),
              "-tag",
              tag,
              "-outputValueUnitRatio",
              "1000",
              "-o",
              output.toString()
            })
        .run();
    var distribution = Files.readString(Path.of(output + ".hgrm"));
    // e.g. #[Max     =     1000.447, Total count    =            4]
    var total = distribution.lines().filter(line -> line.contains("Total count")).findFirst();
    assertThat(total).as("%s.hgrm", output.getFileName()).isPresent();
    var count = total.get().substring(total.get().lastIndexOf('=') + 1);
    return Long.parseLong(count.replace("]", "").strip());
  }

  @Nested
  class BySize {

    @Test
    void shouldRollOnceTheFileHasReachedItsSizeAndKeepEveryFileAWholeLog() throws IOException {
      // given files of at most 1 KB: a few intervals each
      var policy = new RollingHlog.Policy(1024, NEVER, 100);

      // when 40 intervals are written
      write(policy, 40).close();

      // then
      var files = files();
      assertThat(files).as("rolled files and the active one").hasSizeGreaterThan(3);
      var intervals = 0;
      for (var file : files) {
        assertStartsWithAHeader(file);
        var histograms = intervals(file);
        assertThat(histograms).as("%s: whole intervals", file.getFileName()).hasSizeGreaterThan(0);
        assertThat(histograms.size() % 2).as("both tags of each interval in one file").isZero();
        intervals += histograms.size() / 2;
        if (!file.equals(active())) {
          assertThat(Files.size(file))
              .as("%s: rolled at the first interval end past 1 KB", file.getFileName())
              .isGreaterThanOrEqualTo(1024)
              .isLessThan(1024 + 400);
        }
      }
      assertThat(intervals).as("every interval once, in one file or another").isEqualTo(40);
    }

    @Test
    void shouldLeaveFilesThatHdrHistogramsLogProcessorReadsOneByOne() throws IOException {
      // given
      write(new RollingHlog.Policy(1024, NEVER, 100), 40).close();

      // when each file is processed on its own
      var counted = 0L;
      for (var file : files()) {
        var count = countByHistogramLogProcessor(file, "flushed:PROCESS_INSTANCE");
        assertThat(count).as("%s", file.getFileName()).isEqualTo(3L * intervals(file).size() / 2);
        counted += count;
      }

      // then together they hold every value
      assertThat(counted).isEqualTo(3 * 40);
    }
  }

  @Nested
  class ByAge {

    @Test
    void shouldRollOnceTheFileHasReachedItsAge() throws IOException {
      // given files of at most one minute, written every 10 s
      var policy = new RollingHlog.Policy(1L << 30, Duration.ofMinutes(1).toMillis(), 100);

      // when five minutes are written
      write(policy, 30).close();

      // then five files of six intervals each
      var files = files();
      assertThat(files).hasSize(5);
      for (var file : files) {
        assertStartsWithAHeader(file);
        var histograms = intervals(file);
        assertThat(histograms).hasSize(12);
        assertThat(
                histograms.getLast().getEndTimeStamp() - histograms.getFirst().getStartTimeStamp())
            .isEqualTo(Duration.ofMinutes(1).toMillis());
      }
    }

    @Test
    void shouldNameARolledFileByTheEndOfItsLastInterval() throws IOException {
      // given / when
      write(new RollingHlog.Policy(1L << 30, Duration.ofMinutes(1).toMillis(), 100), 7).close();

      // then T0 + 60 s, 2027-01-15T08:01:00Z
      assertThat(Files.list(dir).map(file -> file.getFileName().toString()).sorted())
          .containsExactly(
              "sightline-latency-partition-1.20270115T080100.000Z.hlog",
              "sightline-latency-partition-1.hlog");
    }
  }

  @Nested
  class Retention {

    @Test
    void shouldKeepOnlyTheNewestRolledFiles() throws IOException {
      // given at most 3 rolled files of one minute each
      var policy = new RollingHlog.Policy(1L << 30, Duration.ofMinutes(1).toMillis(), 3);

      // when ten minutes are written
      write(policy, 60).close();

      // then the three newest rolled files and the active one remain: the last four minutes
      var files = files();
      assertThat(files).hasSize(4);
      assertThat(intervals(files.getFirst()).getFirst().getStartTimeStamp())
          .isEqualTo(T0 + Duration.ofMinutes(6).toMillis());
      assertThat(intervals(files.getLast()).getLast().getEndTimeStamp())
          .isEqualTo(T0 + Duration.ofMinutes(10).toMillis());
    }

    @Test
    void shouldNeverDeleteAnotherPartitionsFiles() throws IOException {
      // given rolled files of partition 10 in the same folder
      var other = dir.resolve("sightline-latency-partition-10.20270115T080000.000Z.hlog");
      Files.writeString(other, "#\n");

      // when partition 1 keeps one rolled file
      write(new RollingHlog.Policy(1L << 30, Duration.ofMinutes(1).toMillis(), 1), 30).close();

      // then
      assertThat(other).exists();
      assertThat(files()).hasSize(2);
    }
  }

  @Test
  void shouldRollAFileAnEarlierRunLeftInsteadOfAppendingToIt() throws IOException {
    // given a file whose writer crashed in the middle of a line
    write(new RollingHlog.Policy(1L << 30, NEVER, 100), 3).close();
    Files.writeString(
        active(),
        "Tag=flushed:PROCESS_INSTANCE,1800000030.000,10.0",
        java.nio.file.StandardOpenOption.APPEND);

    // when the exporter opens again
    try (var hlog =
        RollingHlog.open(dir, 1, new RollingHlog.Policy(1L << 30, NEVER, 100), T0 + 60_000)) {
      hlog.write(T0 + 60_000, T0 + 70_000, LatencyStage.BULK, ValueType.PROCESS, histogram(0));
      hlog.endInterval(T0 + 70_000);
    }

    // then the new run has a file of its own, with its own header
    var files = files();
    assertThat(files).hasSize(2);
    assertStartsWithAHeader(active());
    assertThat(intervals(active()))
        .singleElement()
        .satisfies(h -> assertThat(h.getTag()).isEqualTo("bulk:PROCESS"));
    assertThat(Files.readString(files.getFirst())).endsWith(",10.0");
  }

  @Test
  void shouldNotLeaveAFileWithOnlyAHeaderWhenClosedRightAfterARoll() throws IOException {
    // given a file due to roll at the end of its only interval
    var hlog = write(new RollingHlog.Policy(1, NEVER, 100), 1);

    // when the exporter closes before the next interval
    hlog.close();

    // then
    assertThat(files()).containsExactly(active());
    assertThat(intervals(active())).hasSize(2);
  }
}
