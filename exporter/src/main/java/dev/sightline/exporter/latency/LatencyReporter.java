package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;

/**
 * The periodic tick, every {@link #TICK}: takes every recorder's interval histogram, replays it
 * into the Micrometer timers and, when an {@code .hlog} file is configured, adds it to that (stage,
 * value type)'s accumulator; once {@code latency.hlog.interval} has passed, writes each accumulator
 * as one tagged interval line and resets it (the file rolls between intervals: {@link
 * RollingHlog}). A failed write is logged once and turns the file off: the exporter never stops for
 * it.
 *
 * <p>Not thread-safe: the exporter's thread (the reader of the {@link StageRecorders}).
 */
final class LatencyReporter implements AutoCloseable {

  static final Duration TICK = Duration.ofSeconds(1);

  private final StageRecorders recorders;
  private final LatencyMeters meters;
  private final long hlogIntervalMillis;
  private final LongSupplier nowMillis;
  private final Logger log;
  private final Histogram[][] accumulators =
      new Histogram[LatencyStage.values().length][ValueType.values().length];
  private RollingHlog hlog;
  private long intervalStartMillis;

  LatencyReporter(
      StageRecorders recorders,
      LatencyMeters meters,
      RollingHlog hlog,
      Duration hlogInterval,
      LongSupplier nowMillis,
      Logger log) {
    this.recorders = recorders;
    this.meters = meters;
    this.hlog = hlog;
    this.hlogIntervalMillis = hlogInterval.toMillis();
    this.nowMillis = nowMillis;
    this.log = log;
    this.intervalStartMillis = nowMillis.getAsLong();
  }

  /**
   * The exporter starts writing (after its open, or once the two-hop importers are done): the
   * current interval starts now, so no interval is dated before anything could be measured.
   */
  void startInterval() {
    intervalStartMillis = nowMillis.getAsLong();
  }

  void tick() {
    var now = nowMillis.getAsLong();
    recorders.takeIntervals(this::onInterval);
    if (hlog != null && now - intervalStartMillis >= hlogIntervalMillis) {
      writeHlogInterval(now);
    }
  }

  /** A last tick, the last (possibly short) interval written, the file closed. */
  @Override
  public void close() {
    recorders.takeIntervals(this::onInterval);
    if (hlog != null) {
      writeHlogInterval(nowMillis.getAsLong());
      hlog.close();
      hlog = null;
    }
  }

  private void onInterval(LatencyStage stage, ValueType valueType, Histogram intervalMicros) {
    meters.publish(stage, valueType, intervalMicros, nowMillis.getAsLong());
    if (hlog != null && intervalMicros.getTotalCount() > 0) { // adding nothing scans every bucket
      var accumulator = accumulators[stage.ordinal()][valueType.ordinal()];
      if (accumulator == null) {
        accumulator = StageRecorders.newHistogram();
        accumulators[stage.ordinal()][valueType.ordinal()] = accumulator;
      }
      accumulator.add(intervalMicros);
    }
  }

  private void writeHlogInterval(long endMillis) {
    try {
      for (var stage : LatencyStage.values()) {
        for (var valueType : ValueType.values()) {
          var accumulator = accumulators[stage.ordinal()][valueType.ordinal()];
          if (accumulator != null) {
            hlog.write(intervalStartMillis, endMillis, stage, valueType, accumulator);
            accumulator.reset();
          }
        }
      }
      hlog.endInterval(endMillis);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Latency log {} could not be written; it is turned off until the exporter reopens: {}",
          hlog.file(),
          e.toString());
      hlog.close();
      hlog = null;
    }
    intervalStartMillis = endMillis;
  }
}
