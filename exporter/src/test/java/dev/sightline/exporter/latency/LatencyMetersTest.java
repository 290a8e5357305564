package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class LatencyMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StageRecorders recorders = new StageRecorders();
  private final LatencyMeters meters = new LatencyMeters(registry, 3, recorders);

  @Test
  void shouldReplayEveryRecordedValueIntoTheStageTimerWithItsCount() {
    // given an interval of 90 values of 10 ms and 10 of 800 ms
    var interval = StageRecorders.newHistogram();
    interval.recordValueWithCount(10_000, 90);
    interval.recordValueWithCount(800_000, 10);

    // when
    meters.publish(LatencyStage.FLUSHED, ValueType.PROCESS_INSTANCE, interval);

    // then
    var timer =
        registry.get(LatencyMeters.TIMER)
            .tags("stage", "flushed", "valueType", "PROCESS_INSTANCE", "partition", "3")
            .timer();
    assertThat(timer.count()).isEqualTo(100);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isCloseTo(90 * 10 + 10 * 800, Percentage.withPercentage(0.1));
    assertThat(timer.max(TimeUnit.MILLISECONDS)).isCloseTo(800, Percentage.withPercentage(0.1));
    assertThat(timer.takeSnapshot().percentileValues()).extracting(p -> p.percentile())
        .containsExactly(0.5, 0.9, 0.99, 0.999);
    // (histogram buckets are published by registries that aggregate them, e.g. Prometheus; not by this one)
  }

  @Test
  void shouldRegisterNoTimerForAnEmptyInterval() {
    // given
    var empty = StageRecorders.newHistogram();

    // when
    meters.publish(LatencyStage.BULK, ValueType.PROCESS, empty);

    // then
    assertThat(registry.find(LatencyMeters.TIMER).timers()).isEmpty();
  }

  @Test
  void shouldCountClampedValuesPerBound() {
    // given
    recorders.record(LatencyStage.EXPORTER_LAG, ValueType.PROCESS.ordinal(), -1, 4);
    recorders.record(LatencyStage.FLUSHED, ValueType.PROCESS.ordinal(), Long.MAX_VALUE, 2);

    // when
    var below = registry.get(LatencyMeters.CLAMPED).tags("bound", "below", "partition", "3").functionCounter();
    var above = registry.get(LatencyMeters.CLAMPED).tags("bound", "above", "partition", "3").functionCounter();

    // then
    assertThat(below.count()).isEqualTo(4);
    assertThat(above.count()).isEqualTo(2);
  }
}
