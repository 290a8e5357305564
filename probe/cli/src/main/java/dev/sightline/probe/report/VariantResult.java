package dev.sightline.probe.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One variant's run: what it achieved and its latency per stage.
 *
 * @param name the variant's label, unique in the run ({@code two-hop}, {@code direct}, {@code
 *     direct#2}, a label given with {@code label=…})
 * @param description one line on how it was run (exporter, whose defaults)
 * @param settings the exporter settings the variant gave, key → value in order (for another
 *     exporter's jar also {@code jar}, {@code class}, {@code watch.*}); empty: the defaults
 * @param recordsAppended records the workload produced
 * @param recordsPerSecond records acknowledged per second over the measured run (achieved
 *     throughput)
 * @param measuredSeconds the measured part of the run (after warm-up)
 * @param stagesMicros per stage, microseconds; {@code visible} is the reader-side probe's
 * @param probe the probe's own figures (resolution, request rate, counts)
 * @param unfinished what was left undone when the drain timeout ran out, one line each (a partition
 *     whose exporter had not acknowledged its last record, documents the probe had not found);
 *     empty when the variant drained. An unfinished variant's figures are incomplete.
 * @param refresh how the watched index refreshed (read after the run); empty if unknown
 */
public record VariantResult(
    String name,
    String description,
    Map<String, String> settings,
    long recordsAppended,
    double recordsPerSecond,
    double measuredSeconds,
    Map<String, Histogram> stagesMicros,
    ProbeFigures probe,
    List<String> unfinished,
    Optional<IndexRefresh> refresh) {

  public VariantResult {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    stagesMicros = Collections.unmodifiableMap(new LinkedHashMap<>(stagesMicros));
    unfinished = List.copyOf(unfinished);
    Objects.requireNonNull(refresh, "refresh");
  }

  /** Without the index's refresh settings. */
  public VariantResult(
      String name,
      String description,
      Map<String, String> settings,
      long recordsAppended,
      double recordsPerSecond,
      double measuredSeconds,
      Map<String, Histogram> stagesMicros,
      ProbeFigures probe,
      List<String> unfinished) {
    this(
        name,
        description,
        settings,
        recordsAppended,
        recordsPerSecond,
        measuredSeconds,
        stagesMicros,
        probe,
        unfinished,
        Optional.empty());
  }

  /** A variant that gave no settings: its exporter's defaults. */
  public VariantResult(
      String name,
      String description,
      long recordsAppended,
      double recordsPerSecond,
      double measuredSeconds,
      Map<String, Histogram> stagesMicros,
      ProbeFigures probe,
      List<String> unfinished) {
    this(
        name,
        description,
        Map.of(),
        recordsAppended,
        recordsPerSecond,
        measuredSeconds,
        stagesMicros,
        probe,
        unfinished);
  }

  /** True when every record was acknowledged and every expected document found in time. */
  public boolean finished() {
    return unfinished.isEmpty();
  }

  /**
   * The probe's resolution and cost, reported with its results; and the cost of the exporter's own
   * {@code visible} stage: its searches per second, all partitions (0 when it was off or the
   * exporter has none).
   */
  public record ProbeFigures(
      double pollPeriodP50Millis,
      double pollPeriodP99Millis,
      double requestsPerSecond,
      long met,
      long shed,
      long timedOut,
      double exporterSearchesPerSecond) {

    /** Without the exporter's searches. */
    public ProbeFigures(
        double pollPeriodP50Millis,
        double pollPeriodP99Millis,
        double requestsPerSecond,
        long met,
        long shed,
        long timedOut) {
      this(pollPeriodP50Millis, pollPeriodP99Millis, requestsPerSecond, met, shed, timedOut, 0);
    }

    public static ProbeFigures none() {
      return new ProbeFigures(0, 0, 0, 0, 0, 0);
    }
  }

  /** The reader-side probe's {@code visible} of process instances' creations; null if none. */
  public Histogram visible() {
    return stagesMicros.get(Stages.VISIBLE);
  }

  /** The reader-side probe's {@code visible} of process instances' completions; null if none. */
  public Histogram visibleCompleted() {
    return stagesMicros.get(Stages.VISIBLE_COMPLETED);
  }

  /** The stage of each kind of record the probe measured: {@code created}, {@code completed}. */
  public static final java.util.Map<String, String> KINDS =
      java.util.Map.of("created", Stages.VISIBLE, "completed", Stages.VISIBLE_COMPLETED);

  /** The kinds in the order the report shows them. */
  public static final List<String> KIND_ORDER = List.of("created", "completed");
}
