package dev.sightline.probe.latency;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What the probe measured so far, with its own resolution and cost.
 *
 * @param latencyMicrosByStage per stage, record timestamp → first hit, in microseconds
 * @param pollPeriodMicros the time between two consecutive polls that had work: the resolution
 *     achieved
 * @param requestMicros how long one request took
 * @param requests requests sent (one per index per poll)
 * @param elapsed since the probe started
 * @param met expectations met; {@code pending} not yet; {@code shed} refused at a full pending set;
 *     {@code timedOut} dropped after {@link ProbeSettings#giveUpAfter()}; {@code failedRequests}
 *     requests that failed
 */
public record ProbeReport(
    ProbeMode mode,
    Duration pollInterval,
    Map<String, Histogram> latencyMicrosByStage,
    Histogram pollPeriodMicros,
    Histogram requestMicros,
    long requests,
    long failedRequests,
    Duration elapsed,
    long met,
    long pending,
    long shed,
    long timedOut) {

  /** The probe's own request rate. */
  public double requestsPerSecond() {
    return elapsed.isZero() ? 0 : requests * 1e9 / elapsed.toNanos();
  }

  public Histogram latencyMicros(String stage) {
    return latencyMicrosByStage.getOrDefault(stage, new Histogram(3));
  }

  /** A few lines for a log or a test report. */
  public String describe() {
    var stages =
        latencyMicrosByStage.entrySet().stream()
            .map(entry -> "  " + entry.getKey() + ": " + summary(entry.getValue()))
            .collect(Collectors.joining("\n"));
    return """
        probe (%s, target poll %d ms): %d met, %d pending, %d shed, %d timed out
        %s
          resolution (poll period): %s
          requests: %d (%.1f/s, %d failed), each %s"""
        .formatted(
            mode,
            pollInterval.toMillis(),
            met,
            pending,
            shed,
            timedOut,
            stages,
            summary(pollPeriodMicros),
            requests,
            requestsPerSecond(),
            failedRequests,
            summary(requestMicros));
  }

  /** {@code n=…, p50=… ms, p99=… ms, max=… ms} of a microsecond histogram. */
  public static String summary(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return "n=0";
    }
    return "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms"
        .formatted(
            micros.getTotalCount(),
            micros.getValueAtPercentile(50) / 1e3,
            micros.getValueAtPercentile(90) / 1e3,
            micros.getValueAtPercentile(99) / 1e3,
            micros.getMaxValue() / 1e3);
  }
}
