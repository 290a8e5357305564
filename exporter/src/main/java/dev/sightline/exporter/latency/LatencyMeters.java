package dev.sightline.exporter.latency;

import dev.sightline.exporter.meters.ExporterMeter;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The stages in the broker's Micrometer registry, per (stage, value type, partition), tags {@code
 * stage}, {@code valueType}, {@code partition}:
 *
 * <ul>
 *   <li>{@code sightline.exporter.latency}: a function timer, count and total of every recorded
 *       value;
 *   <li>{@code sightline.exporter.latency.percentile} (tag {@code quantile} 0.5, 0.9, 0.99, 0.999,
 *       1.0 = max): time gauges, exact to 3 significant digits, over the last completed {@link
 *       #WINDOW};
 *   <li>{@code sightline.exporter.latency.histogram} (tag {@code le}, seconds, Prometheus style):
 *       cumulative counts of values at or below each bound since the start, and {@code le="+Inf"}
 *       (every value: Prometheus's {@code histogram_quantile} returns NaN without it), usable with
 *       {@code histogram_quantile};
 *   <li>{@code sightline.exporter.latency.clamped} (tags {@code partition}, {@code bound}): values
 *       outside 0..1 h.
 * </ul>
 *
 * Why not Micrometer's own {@code Timer}: it can only be fed one value at a time, and replaying
 * every record into four timers cost as much as handling the record (JMH, docs/latency.md). These
 * meters are updated from the interval histograms with one scan per (stage, value type) per tick,
 * whatever the load.
 *
 * <p>Threading: {@link #publish} on one thread (the exporter's tick); the registry reads from any.
 */
public final class LatencyMeters {

  public static final String TIMER = ExporterMeter.LATENCY.id();
  public static final String PERCENTILE = ExporterMeter.LATENCY_PERCENTILE.id();
  public static final String HISTOGRAM = ExporterMeter.LATENCY_HISTOGRAM.id();
  public static final String CLAMPED = ExporterMeter.LATENCY_CLAMPED.id();

  /** The upper bucket's {@code le}, spelt as Prometheus spells it. */
  static final String INFINITE_BOUND = "+Inf";

  static final Duration WINDOW = Duration.ofMinutes(1);
  static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2_500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofHours(1)
  };

  private final MeterRegistry registry;
  private final String partition;
  private final StageMeters[][] meters =
      new StageMeters[LatencyStage.values().length][ValueType.values().length];

  public LatencyMeters(MeterRegistry registry, int partitionId, StageRecorders recorders) {
    this.registry = registry;
    this.partition = Integer.toString(partitionId);
    FunctionCounter.builder(
            ExporterMeter.LATENCY_CLAMPED.id(), recorders, StageRecorders::clampedBelow)
        .description(ExporterMeter.LATENCY_CLAMPED.description())
        .tags("partition", partition, "bound", "below")
        .register(registry);
    FunctionCounter.builder(
            ExporterMeter.LATENCY_CLAMPED.id(), recorders, StageRecorders::clampedAbove)
        .description(ExporterMeter.LATENCY_CLAMPED.description())
        .tags("partition", partition, "bound", "above")
        .register(registry);
  }

  /** Adds one interval histogram (microseconds) of a stage; registers its meters on first data. */
  public void publish(
      LatencyStage stage, ValueType valueType, Histogram intervalMicros, long nowMillis) {
    var stageMeters = meters[stage.ordinal()][valueType.ordinal()];
    if (stageMeters == null) {
      if (intervalMicros.getTotalCount() == 0) {
        return;
      }
      stageMeters = register(stage, valueType, nowMillis);
      meters[stage.ordinal()][valueType.ordinal()] = stageMeters;
    }
    stageMeters.add(intervalMicros, nowMillis);
  }

  private StageMeters register(LatencyStage stage, ValueType valueType, long nowMillis) {
    var stageMeters = new StageMeters(BUCKETS, QUANTILES, WINDOW, nowMillis);
    var tags =
        new String[] {
          "stage", stage.tagValue(), "valueType", valueType.name(), "partition", partition
        };
    FunctionTimer.builder(
            ExporterMeter.LATENCY.id(),
            stageMeters,
            StageMeters::count,
            StageMeters::totalMicros,
            TimeUnit.MICROSECONDS)
        .description(ExporterMeter.LATENCY.description())
        .tags(tags)
        .register(registry);
    for (var i = 0; i < QUANTILES.length; i++) {
      var index = i;
      TimeGauge.builder(
              ExporterMeter.LATENCY_PERCENTILE.id(),
              stageMeters,
              TimeUnit.MICROSECONDS,
              m -> m.percentileMicros(index))
          .description(ExporterMeter.LATENCY_PERCENTILE.description())
          .tags(tags)
          .tag("quantile", Double.toString(QUANTILES[i]))
          .register(registry);
    }
    for (var i = 0; i < BUCKETS.length; i++) {
      var index = i;
      FunctionCounter.builder(
              ExporterMeter.LATENCY_HISTOGRAM.id(), stageMeters, m -> m.countAtOrBelow(index))
          .description(ExporterMeter.LATENCY_HISTOGRAM.description())
          .tags(tags)
          .tag("le", Double.toString(BUCKETS[i].toNanos() / 1e9))
          .register(registry);
    }
    FunctionCounter.builder(ExporterMeter.LATENCY_HISTOGRAM.id(), stageMeters, StageMeters::count)
        .description(ExporterMeter.LATENCY_HISTOGRAM.description())
        .tags(tags)
        .tag("le", INFINITE_BOUND)
        .register(registry);
    return stageMeters;
  }
}
