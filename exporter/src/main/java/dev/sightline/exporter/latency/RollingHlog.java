package dev.sightline.exporter.latency;

import dev.sightline.exporter.config.LatencyConfig;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * One partition's {@code .hlog} files, rolled like any log. The exporter writes {@code
 * sightline-latency-partition-<id>.hlog}; once that file has reached {@code maxFileSize} bytes or
 * {@code maxFileAge}, checked at the end of each interval, it is renamed, before the next interval
 * is written, to {@code sightline-latency-partition-<id>.<UTC time it ended>.hlog} (e.g. {@code
 * sightline-latency-partition-1.20270115T080000.000Z.hlog}: the end of its last interval) and a new
 * file begins with its own header. Every file, rolled or not, is thus a complete HdrHistogram log
 * that {@code HistogramLogProcessor} reads on its own, and holds whole intervals. Opening rolls a
 * file left by an earlier run too, instead of appending to it (a run that crashed may have left a
 * partial last line). Of the rolled files the newest {@code maxFiles} are kept; older ones are
 * deleted.
 *
 * <p>Not thread-safe: the exporter's thread.
 */
final class RollingHlog implements AutoCloseable {

  private static final DateTimeFormatter ENDED_AT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** When a file is rolled and how many rolled files are kept. */
  record Policy(long maxFileSizeBytes, long maxFileAgeMillis, int maxFiles) {

    static Policy of(LatencyConfig config) {
      return new Policy(
          config.hlogMaxFileSizeBytes(), config.hlogMaxFileAge().toMillis(), config.hlogMaxFiles());
    }
  }

  /** A rolled file's name, sortable by when it ended (a suffix when two share a time). */
  private record Rolled(Path file, String endedAt, int sequence) {}

  private final Path directory;
  private final int partitionId;
  private final Policy policy;
  private final Path active;
  private final Pattern rolledName;
  private HlogFile current;
  private long openedAtMillis;
  private boolean rollDue;

  private RollingHlog(Path directory, int partitionId, Policy policy) {
    this.directory = directory;
    this.partitionId = partitionId;
    this.policy = policy;
    this.active = HlogFile.fileFor(directory, partitionId);
    this.rolledName =
        Pattern.compile(
            Pattern.quote(prefix(partitionId))
                + "(\\d{8}T\\d{6}\\.\\d{3}Z)(?:-(\\d+))?"
                + Pattern.quote(".hlog"));
  }

  /**
   * Rolls a file an earlier run left (named by when it was last written), then starts the active
   * file with its header.
   */
  static RollingHlog open(Path directory, int partitionId, Policy policy, long nowMillis)
      throws IOException {
    var hlog = new RollingHlog(directory, partitionId, policy);
    Files.createDirectories(directory);
    if (Files.isRegularFile(hlog.active) && Files.size(hlog.active) > 0) {
      hlog.moveAside(Files.getLastModifiedTime(hlog.active).toMillis());
      hlog.deleteOldest();
    }
    hlog.start(nowMillis);
    return hlog;
  }

  /** Writes one interval histogram, rolling first if the last interval ended the file. */
  void write(
      long startMillis,
      long endMillis,
      LatencyStage stage,
      ValueType valueType,
      Histogram histogramMicros)
      throws IOException {
    if (rollDue) {
      roll(startMillis);
    }
    current.write(startMillis, endMillis, stage, valueType, histogramMicros);
  }

  /**
   * Pushes the interval written to the file; a file that has reached its size or age is rolled
   * before the next interval (so closing never leaves a file with only a header).
   */
  void endInterval(long nowMillis) throws IOException {
    current.flush();
    rollDue =
        current.bytes() >= policy.maxFileSizeBytes()
            || nowMillis - openedAtMillis >= policy.maxFileAgeMillis();
  }

  /** The file being written. */
  Path file() {
    return active;
  }

  @Override
  public void close() {
    current.close();
  }

  /** Ends the file at {@code endMillis}, the end of its last interval, and starts the next. */
  private void roll(long endMillis) throws IOException {
    current.close();
    moveAside(endMillis);
    deleteOldest();
    start(endMillis);
  }

  private void start(long nowMillis) throws IOException {
    current = HlogFile.open(active, partitionId, nowMillis);
    openedAtMillis = nowMillis;
    rollDue = false;
  }

  private void moveAside(long endMillis) throws IOException {
    var stamp = ENDED_AT.format(Instant.ofEpochMilli(endMillis));
    var target = directory.resolve(prefix(partitionId) + stamp + ".hlog");
    for (int sequence = 1; Files.exists(target); sequence++) {
      target = directory.resolve(prefix(partitionId) + stamp + "-" + sequence + ".hlog");
    }
    Files.move(active, target);
  }

  private void deleteOldest() throws IOException {
    var rolled = new ArrayList<Rolled>();
    try (var files = Files.list(directory)) {
      for (var file : (Iterable<Path>) files::iterator) {
        var name = rolledName.matcher(file.getFileName().toString());
        if (name.matches()) {
          var sequence = name.group(2) == null ? 0 : Integer.parseInt(name.group(2));
          rolled.add(new Rolled(file, name.group(1), sequence));
        }
      }
    }
    rolled.sort(Comparator.comparing(Rolled::endedAt).thenComparingInt(Rolled::sequence));
    for (var old : rolled.subList(0, Math.max(0, rolled.size() - policy.maxFiles()))) {
      Files.deleteIfExists(old.file());
    }
  }

  /** Rolled files' names are this, a time, {@code .hlog}: never another partition's. */
  private static String prefix(int partitionId) {
    return "sightline-latency-partition-" + partitionId + ".";
  }
}
