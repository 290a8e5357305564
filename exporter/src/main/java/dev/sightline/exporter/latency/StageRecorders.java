package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Interval histograms per (stage, value type): latencies in microseconds, 1 µs to 1 h, 3
 * significant digits. HdrHistogram's {@code Recorder} pattern — an active and an inactive histogram
 * per pair, swapped by the reader under a {@link WriterReaderPhaser} — with one difference: the
 * writer enters its critical section once per flush pass ({@link #beginPass()} … {@link
 * #endPass()}), not once per value. A {@code Recorder} pays two atomic increments per value: about
 * a fifth more per record in the JMH benchmark (docs/latency.md).
 *
 * <p>A pair's histograms are created the first time it gets a value, so only the value types the
 * exporter handles cost memory (two histograms of 23,552 counts, about 380 KB, per pair). Values
 * outside the range are clamped, never dropped, and counted: below 0 (a clock that stepped back)
 * becomes 0, above 1 h (a replay of old records) becomes 1 h.
 *
 * <p>Threading: one writer thread (the exporter's) calls {@link #beginPass}, {@link #recordInPass},
 * {@link #endPass} and {@link #record}; one reader at a time, on any thread (the exporter's tick),
 * calls {@link #takeIntervals}. The out-of-range counters are written by the writer and may be
 * read, slightly stale, by any thread.
 */
public final class StageRecorders {

  public static final long HIGHEST_TRACKABLE_MICROS = Duration.ofHours(1).toNanos() / 1_000;
  public static final int SIGNIFICANT_DIGITS = 3;

  private static final LatencyStage[] STAGES = LatencyStage.values();
  private static final ValueType[] VALUE_TYPES = ValueType.values();

  private final WriterReaderPhaser phaser = new WriterReaderPhaser();
  private final AtomicReferenceArray<Pair> pairs =
      new AtomicReferenceArray<>(STAGES.length * VALUE_TYPES.length);
  private long criticalValue;
  private volatile long clampedBelow;
  private volatile long clampedAbove;

  /** A fresh histogram with the recorders' range and precision. */
  public static Histogram newHistogram() {
    return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
  }

  /** Starts a pass of {@link #recordInPass} calls; writer thread only. */
  public void beginPass() {
    criticalValue = phaser.writerCriticalSectionEnter();
  }

  /** Ends the pass; writer thread only. */
  public void endPass() {
    phaser.writerCriticalSectionExit(criticalValue);
  }

  /** Records {@code count} equal values outside a pass; writer thread only. */
  public void record(LatencyStage stage, int valueTypeOrdinal, long latencyMicros, long count) {
    beginPass();
    try {
      recordInPass(stage, valueTypeOrdinal, latencyMicros, count);
    } finally {
      endPass();
    }
  }

  /**
   * Records {@code count} equal values between {@link #beginPass} and {@link #endPass}; writer
   * thread only.
   */
  public void recordInPass(
      LatencyStage stage, int valueTypeOrdinal, long latencyMicros, long count) {
    var value = latencyMicros;
    if (value < 0) {
      value = 0;
      clampedBelow += count;
    } else if (value > HIGHEST_TRACKABLE_MICROS) {
      value = HIGHEST_TRACKABLE_MICROS;
      clampedAbove += count;
    }
    var slot = stage.ordinal() * VALUE_TYPES.length + valueTypeOrdinal;
    var pair = pairs.get(slot);
    if (pair == null) {
      pair = new Pair();
      pairs.set(slot, pair);
    }
    pair.active.recordValueWithCount(value, count);
  }

  /**
   * Hands every pair's interval histogram (what was recorded since the previous call) to {@code
   * consumer}, empty ones included. The histogram is reused by the next call: copy what you keep.
   * One reader at a time.
   */
  public void takeIntervals(IntervalConsumer consumer) {
    phaser.readerLock();
    try {
      for (var slot = 0; slot < pairs.length(); slot++) {
        var pair = pairs.get(slot);
        if (pair != null) {
          pair.swapIfRecorded();
        }
      }
      phaser.flipPhase();
      for (var slot = 0; slot < pairs.length(); slot++) {
        var pair = pairs.get(slot);
        if (pair != null) {
          consumer.accept(
              STAGES[slot / VALUE_TYPES.length],
              VALUE_TYPES[slot % VALUE_TYPES.length],
              pair.taken);
        }
      }
    } finally {
      phaser.readerUnlock();
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

  /**
   * The writer records into {@code active}; the reader swaps in the reset spare and takes the old
   * one. A pair that looks idle is not swapped (its interval is handed over empty): resetting a
   * histogram writes all its counts. Reading the writer's total count without the phaser may be
   * stale; a value it misses stays in {@code active} and goes with the next interval.
   */
  private static final class Pair {
    private static final Histogram EMPTY = newHistogram();

    volatile Histogram active = newHistogram();
    Histogram spare = newHistogram();
    Histogram taken = EMPTY;

    void swapIfRecorded() {
      if (active.getTotalCount() == 0) {
        taken = EMPTY;
        return;
      }
      var next = spare;
      next.reset();
      taken = active;
      active = next;
      spare = taken;
    }
  }
}
