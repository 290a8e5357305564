package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One HdrHistogram {@link SingleWriterRecorder} per (stage, value type): latencies in microseconds, 1 µs to 1 h,
 * 3 significant digits. A recorder is created the first time its (stage, value type) gets a value, so only the
 * value types the exporter handles cost memory (about 380 KB per recorder: two histograms of 23,552 counts).
 *
 * <p>Values outside the range are clamped, never dropped, and counted: below 0 (a clock that stepped back)
 * becomes 0, above 1 h (a replay of old records) becomes 1 h.
 *
 * <p>Threading: one writer thread (the exporter's) calls {@link #record}; one reader thread at a time (the
 * exporter's periodic tick, or a test) calls {@link #takeIntervals}. The out-of-range counters are written by
 * the writer and may be read, slightly stale, by any thread.
 */
public final class StageRecorders {

  public static final long HIGHEST_TRACKABLE_MICROS = Duration.ofHours(1).toNanos() / 1_000;
  public static final int SIGNIFICANT_DIGITS = 3;

  private static final LatencyStage[] STAGES = LatencyStage.values();
  private static final ValueType[] VALUE_TYPES = ValueType.values();

  private final SingleWriterRecorder[][] recorders = new SingleWriterRecorder[STAGES.length][VALUE_TYPES.length];
  private final Histogram[][] recycled = new Histogram[STAGES.length][VALUE_TYPES.length];
  private volatile long clampedBelow;
  private volatile long clampedAbove;

  /** A fresh histogram with the recorders' range and precision. */
  public static Histogram newHistogram() {
    return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
  }

  /** Records {@code count} equal values; writer thread only. */
  public void record(LatencyStage stage, int valueTypeOrdinal, long latencyMicros, long count) {
    var value = latencyMicros;
    if (value < 0) {
      value = 0;
      clampedBelow += count;
    } else if (value > HIGHEST_TRACKABLE_MICROS) {
      value = HIGHEST_TRACKABLE_MICROS;
      clampedAbove += count;
    }
    var recorder = recorders[stage.ordinal()][valueTypeOrdinal];
    if (recorder == null) {
      recorder = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
      recorders[stage.ordinal()][valueTypeOrdinal] = recorder;
    }
    recorder.recordValueWithCount(value, count);
  }

  /**
   * Hands every recorder's interval histogram (what it recorded since the previous call) to {@code consumer},
   * empty ones included. The histogram is reused by the next call: copy what you keep. Reader thread only.
   */
  public void takeIntervals(IntervalConsumer consumer) {
    for (var stage : STAGES) {
      for (var type = 0; type < VALUE_TYPES.length; type++) {
        var recorder = recorders[stage.ordinal()][type];
        if (recorder == null) {
          continue;
        }
        var interval = recorder.getIntervalHistogram(recycled[stage.ordinal()][type]);
        recycled[stage.ordinal()][type] = interval;
        consumer.accept(stage, VALUE_TYPES[type], interval);
      }
    }
  }

  /** Values below 0 recorded as 0 so far. */
  public long clampedBelow() {
    return clampedBelow;
  }

  /** Values above 1 h recorded as 1 h so far. */
  public long clampedAbove() {
    return clampedAbove;
  }

  /** Receives one interval histogram of one (stage, value type). */
  @FunctionalInterface
  public interface IntervalConsumer {
    void accept(LatencyStage stage, ValueType valueType, Histogram interval);
  }
}
