package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One file of a partition's interval histograms as an HdrHistogram log ({@code .hlog}, format
 * version 1.3), readable by {@code HistogramLogReader} and {@code HistogramLogProcessor}. Opening
 * writes the header (comment, {@code StartTime}, {@code BaseTime: 0}, so interval timestamps are
 * absolute epoch seconds, and the legend); each interval is one line per (stage, value type) tagged
 * {@code <stage>:<VALUE_TYPE>}, e.g. {@code flushed:PROCESS_INSTANCE}. Values are microseconds; the
 * max column is written in milliseconds. {@link RollingHlog} decides when a file ends.
 *
 * <p>Not thread-safe: the exporter's thread.
 */
final class HlogFile implements AutoCloseable {

  /** The max column's unit: values are µs, the column shows ms. */
  static final double MAX_VALUE_UNIT_RATIO = 1_000.0;

  private final Path file;
  private final CountingOutputStream counted;
  private final PrintStream out;
  private final HistogramLogWriter writer;

  private HlogFile(Path file, CountingOutputStream counted) {
    this.file = file;
    this.counted = counted;
    this.out = new PrintStream(counted, false, StandardCharsets.UTF_8);
    this.writer = new HistogramLogWriter(out);
  }

  /** Counts the bytes that reach the file. */
  private static final class CountingOutputStream extends FilterOutputStream {

    private long bytes;

    CountingOutputStream(OutputStream out, long bytes) {
      super(out);
      this.bytes = bytes;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }
  }

  /** {@code <directory>/sightline-latency-partition-<id>.hlog}. */
  static Path fileFor(Path directory, int partitionId) {
    return directory.resolve("sightline-latency-partition-" + partitionId + ".hlog");
  }

  /**
   * Opens and writes the header; appends should the file exist, never truncating it ({@link
   * RollingHlog} moves a file of an earlier run aside first).
   */
  static HlogFile open(Path file, int partitionId, long startMillis) throws IOException {
    var parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    var existingBytes = Files.isRegularFile(file) ? Files.size(file) : 0;
    var hlog =
        new HlogFile(
            file,
            new CountingOutputStream(
                new BufferedOutputStream(new FileOutputStream(file.toFile(), true)),
                existingBytes));
    hlog.writer.outputComment(
        "Sightline exporter latency, partition "
            + partitionId
            + ": values in microseconds, max column in"
            + " milliseconds; tag = <stage>:<valueType>; see docs/latency.md");
    hlog.writer.outputLogFormatVersion();
    hlog.writer.outputStartTime(startMillis);
    hlog.writer.setBaseTime(0);
    hlog.writer.outputBaseTime(0);
    hlog.writer.outputLegend();
    hlog.checkError();
    return hlog;
  }

  static String tag(LatencyStage stage, ValueType valueType) {
    return stage.tagValue() + ":" + valueType.name();
  }

  /** Writes one interval histogram (microseconds) of one (stage, value type). */
  void write(
      long startMillis,
      long endMillis,
      LatencyStage stage,
      ValueType valueType,
      Histogram histogramMicros)
      throws IOException {
    histogramMicros.setTag(tag(stage, valueType));
    histogramMicros.setStartTimeStamp(startMillis);
    histogramMicros.setEndTimeStamp(endMillis);
    writer.outputIntervalHistogram(
        startMillis / 1000.0, endMillis / 1000.0, histogramMicros, MAX_VALUE_UNIT_RATIO);
  }

  /** Pushes what was written to the file. */
  void flush() throws IOException {
    out.flush();
    checkError();
  }

  Path file() {
    return file;
  }

  /** The file's size: what it held when opened plus what was written (flushed or not). */
  long bytes() {
    return counted.bytes;
  }

  @Override
  public void close() {
    out.close();
  }

  private void checkError() throws IOException {
    if (out.checkError()) {
      throw new IOException("writing " + file + " failed");
    }
  }
}
