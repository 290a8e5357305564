package dev.sightline.exporter.latency;

import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The stages as Micrometer timers in the broker's registry: {@code sightline.exporter.latency} with tags
 * {@code stage}, {@code valueType} and {@code partition}, publishing percentiles (0.5, 0.9, 0.99, 0.999) and a
 * percentile histogram. Fed from interval histograms, not per record on the export path: each recorded value
 * of an interval is replayed into the timer with its count, so the timers see every record, up to one tick
 * ({@link LatencyReporter#TICK}) late. Also {@code sightline.exporter.latency.clamped} (tag {@code bound}):
 * values outside 0..1 h.
 *
 * <p>Threading: {@link #publish} on one thread (the exporter's tick); Micrometer reads the meters from any.
 */
public final class LatencyMeters {

  public static final String TIMER = "sightline.exporter.latency";
  public static final String CLAMPED = "sightline.exporter.latency.clamped";

  private final MeterRegistry registry;
  private final String partition;
  private final Timer[][] timers = new Timer[LatencyStage.values().length][ValueType.values().length];

  public LatencyMeters(MeterRegistry registry, int partitionId, StageRecorders recorders) {
    this.registry = registry;
    this.partition = Integer.toString(partitionId);
    FunctionCounter.builder(CLAMPED, recorders, StageRecorders::clampedBelow)
        .description("Latencies below 0 (a clock stepped back) recorded as 0")
        .tags("partition", partition, "bound", "below")
        .register(registry);
    FunctionCounter.builder(CLAMPED, recorders, StageRecorders::clampedAbove)
        .description("Latencies above 1 h (old records replayed) recorded as 1 h")
        .tags("partition", partition, "bound", "above")
        .register(registry);
  }

  /** Replays one interval histogram (microseconds) into the stage's timer. */
  public void publish(LatencyStage stage, ValueType valueType, Histogram intervalMicros) {
    if (intervalMicros.getTotalCount() == 0) {
      return;
    }
    var timer = timer(stage, valueType);
    for (var bucket : intervalMicros.recordedValues()) {
      var nanos = intervalMicros.medianEquivalentValue(bucket.getValueIteratedTo()) * 1_000;
      for (var count = bucket.getCountAtValueIteratedTo(); count > 0; count--) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
      }
    }
  }

  private Timer timer(LatencyStage stage, ValueType valueType) {
    var timer = timers[stage.ordinal()][valueType.ordinal()];
    if (timer == null) {
      timer =
          Timer.builder(TIMER)
              .description("Per-record latency of one stage, on the broker's record clock (docs/latency.md)")
              .tags("stage", stage.tagValue(), "valueType", valueType.name(), "partition", partition)
              .publishPercentiles(0.5, 0.9, 0.99, 0.999)
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofHours(1))
              .register(registry);
      timers[stage.ordinal()][valueType.ordinal()] = timer;
    }
    return timer;
  }
}
