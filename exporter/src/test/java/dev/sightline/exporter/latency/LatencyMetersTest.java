package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class LatencyMetersTest {

  private static final long T0 = 1_800_000_000_000L;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StageRecorders recorders = new StageRecorders();
  private final LatencyMeters meters = new LatencyMeters(registry, 3, recorders);

  /** 90 values of 10 ms and 10 of 800 ms. */
  private static org.HdrHistogram.Histogram interval() {
    var interval = StageRecorders.newHistogram();
    interval.recordValueWithCount(10_000, 90);
    interval.recordValueWithCount(800_000, 10);
    return interval;
  }

  private io.micrometer.core.instrument.search.RequiredSearch flushed(String name) {
    return registry
        .get(name)
        .tags("stage", "flushed", "valueType", "PROCESS_INSTANCE", "partition", "3");
  }

  @Test
  void shouldCountAndSumEveryRecordedValue() {
    // given
    meters.publish(LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, interval(), T0);

    // when a second interval arrives
    meters.publish(LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, interval(), T0 + 1_000);

    // then
    var timer = flushed(LatencyMeters.TIMER).functionTimer();
    assertThat(timer.count()).isEqualTo(200);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS))
        .isCloseTo(2 * (90 * 10 + 10 * 800), Percentage.withPercentage(0.1));
  }

  @Test
  void shouldPublishCumulativeHistogramBucketsInSeconds() {
    // given / when
    meters.publish(LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, interval(), T0);

    // then
    assertThat(flushed(LatencyMeters.HISTOGRAM).tag("le", "0.005").functionCounter().count())
        .isZero();
    assertThat(flushed(LatencyMeters.HISTOGRAM).tag("le", "0.01").functionCounter().count())
        .isEqualTo(90);
    assertThat(flushed(LatencyMeters.HISTOGRAM).tag("le", "0.5").functionCounter().count())
        .isEqualTo(90);
    assertThat(flushed(LatencyMeters.HISTOGRAM).tag("le", "1.0").functionCounter().count())
        .isEqualTo(100);
    assertThat(flushed(LatencyMeters.HISTOGRAM).tag("le", "3600.0").functionCounter().count())
        .isEqualTo(100);
  }

  @Test
  void shouldPublishAnInfBucketHoldingEveryValueForHistogramQuantile() {
    // given values beyond the last bound: recorded at 1 h, as the recorders clamp them
    var interval = interval();
    interval.recordValueWithCount(TimeUnit.HOURS.toMicros(1), 5);

    // when
    meters.publish(LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, interval, T0);

    // then Prometheus's histogram_quantile finds its upper bucket, equal to the count
    assertThat(flushed(LatencyMeters.HISTOGRAM).tag("le", "+Inf").functionCounter().count())
        .as("le=\"+Inf\": without it histogram_quantile returns NaN")
        .isEqualTo(105)
        .isEqualTo(flushed(LatencyMeters.TIMER).functionTimer().count());
  }

  @Test
  void shouldPublishThePercentilesOfTheLastCompletedWindow() {
    // given a window's worth of data
    meters.publish(LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, interval(), T0);
    var p50 = flushed(LatencyMeters.PERCENTILE).tag("quantile", "0.5").timeGauge();
    assertThat(p50.value(TimeUnit.MILLISECONDS)).as("no window completed yet").isZero();

    // when the window ends
    meters.publish(
        LatencyStage.FLUSHED,
        ValueType.PROCESS_INSTANCE,
        StageRecorders.newHistogram(),
        T0 + LatencyMeters.WINDOW.toMillis());

    // then
    assertThat(p50.value(TimeUnit.MILLISECONDS)).isCloseTo(10, Percentage.withPercentage(0.1));
    assertThat(
            flushed(LatencyMeters.PERCENTILE)
                .tag("quantile", "0.99")
                .timeGauge()
                .value(TimeUnit.MILLISECONDS))
        .isCloseTo(800, Percentage.withPercentage(0.1));
    assertThat(
            flushed(LatencyMeters.PERCENTILE)
                .tag("quantile", "1.0")
                .timeGauge()
                .value(TimeUnit.MILLISECONDS))
        .as("max")
        .isCloseTo(800, Percentage.withPercentage(0.1));
  }

  @Test
  void shouldRegisterNoMeterForAStageWithoutData() {
    // given
    var empty = StageRecorders.newHistogram();

    // when
    meters.publish(LatencyStage.BULK, ValueType.PROCESS, empty, T0);

    // then
    assertThat(registry.find(LatencyMeters.TIMER).meters()).isEmpty();
  }

  @Test
  void shouldCountClampedValuesPerBound() {
    // given
    recorders.record(LatencyStage.EXPORTER_LAG, ValueType.PROCESS.ordinal(), -1, 4);
    recorders.record(LatencyStage.FLUSHED, ValueType.PROCESS.ordinal(), Long.MAX_VALUE, 2);

    // when
    var below =
        registry
            .get(LatencyMeters.CLAMPED)
            .tags("bound", "below", "partition", "3")
            .functionCounter();
    var above =
        registry
            .get(LatencyMeters.CLAMPED)
            .tags("bound", "above", "partition", "3")
            .functionCounter();

    // then
    assertThat(below.count()).isEqualTo(4);
    assertThat(above.count()).isEqualTo(2);
  }
}
