package dev.sightline.probe.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One variant's run: what it achieved and its latency per stage.
 *
 * @param name {@code direct} or {@code two-hop}
 * @param description one line on how it was run (exporter, defaults)
 * @param recordsAppended records the workload produced
 * @param recordsPerSecond records acknowledged per second over the measured run (achieved
 *     throughput)
 * @param measuredSeconds the measured part of the run (after warm-up)
 * @param stagesMicros per stage, microseconds; {@code visible} is the reader-side probe's
 * @param probe the probe's own figures (resolution, request rate, counts)
 */
public record VariantResult(
    String name,
    String description,
    long recordsAppended,
    double recordsPerSecond,
    double measuredSeconds,
    Map<String, Histogram> stagesMicros,
    ProbeFigures probe) {

  public VariantResult {
    stagesMicros = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stagesMicros));
  }

  /** The probe's resolution and cost, reported with its results. */
  public record ProbeFigures(
      double pollPeriodP50Millis,
      double pollPeriodP99Millis,
      double requestsPerSecond,
      long met,
      long shed,
      long timedOut) {

    public static ProbeFigures none() {
      return new ProbeFigures(0, 0, 0, 0, 0, 0);
    }
  }

  public Histogram visible() {
    return stagesMicros.get(Stages.VISIBLE);
  }
}
