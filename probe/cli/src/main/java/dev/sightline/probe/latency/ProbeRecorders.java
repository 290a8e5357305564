package dev.sightline.probe.latency;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The probe's HdrHistogram recorders: one per stage name, plus poll period and request duration;
 * microseconds, 1 µs to 1 h, 3 significant digits, values clamped into that range.
 *
 * <p>Threading: the {@code record…} methods on one writer thread (the poller); {@link #snapshot} on
 * any thread, serialised here, accumulates interval histograms into totals since the start.
 */
final class ProbeRecorders {

  static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1_000;

  private final Map<String, SingleWriterRecorder> stages = new ConcurrentHashMap<>();
  private final SingleWriterRecorder pollPeriod = newRecorder();
  private final SingleWriterRecorder requests = newRecorder();
  private final Map<String, Histogram> stageTotals = new TreeMap<>();
  private final Histogram pollPeriodTotal = newHistogram();
  private final Histogram requestTotal = newHistogram();

  static Histogram newHistogram() {
    return new Histogram(1, HIGHEST_MICROS, 3);
  }

  private static SingleWriterRecorder newRecorder() {
    return new SingleWriterRecorder(1, HIGHEST_MICROS, 3);
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(HIGHEST_MICROS, micros));
  }

  void recordLatency(String stage, long latencyMicros) {
    stages.computeIfAbsent(stage, name -> newRecorder()).recordValue(clamp(latencyMicros));
  }

  void recordPollPeriod(long periodMicros) {
    pollPeriod.recordValue(clamp(periodMicros));
  }

  void recordRequest(long durationMicros) {
    requests.recordValue(clamp(durationMicros));
  }

  /** Totals since the start: copies, per stage, then poll period, then request duration. */
  synchronized Snapshot snapshot() {
    stages.forEach(
        (stage, recorder) ->
            stageTotals
                .computeIfAbsent(stage, name -> newHistogram())
                .add(recorder.getIntervalHistogram()));
    pollPeriodTotal.add(pollPeriod.getIntervalHistogram());
    requestTotal.add(requests.getIntervalHistogram());
    var copies = new TreeMap<String, Histogram>();
    stageTotals.forEach((stage, total) -> copies.put(stage, total.copy()));
    return new Snapshot(copies, pollPeriodTotal.copy(), requestTotal.copy());
  }

  record Snapshot(Map<String, Histogram> stages, Histogram pollPeriod, Histogram requests) {}
}
