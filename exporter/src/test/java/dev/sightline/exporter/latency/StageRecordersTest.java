package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ValueType;
import org.junit.jupiter.api.Test;

class StageRecordersTest {

  private static final int PI = ValueType.PROCESS_INSTANCE.ordinal();

  private final StageRecorders recorders = new StageRecorders();

  @Test
  void shouldHandOverWhatWasRecordedSinceThePreviousInterval() {
    // given
    recorders.record(LatencyStage.FLUSHED, PI, 1_000, 3);
    var first = Intervals.take(recorders);
    recorders.record(LatencyStage.FLUSHED, PI, 2_000, 1);

    // when
    var second = Intervals.take(recorders);

    // then
    assertThat(first.get("flushed:PROCESS_INSTANCE").getTotalCount()).isEqualTo(3);
    assertThat(first.get("flushed:PROCESS_INSTANCE").getMaxValue()).isBetween(1_000L, 1_001L);
    assertThat(second.get("flushed:PROCESS_INSTANCE").getTotalCount()).isEqualTo(1);
    assertThat(second.get("flushed:PROCESS_INSTANCE").getMinValue()).isBetween(1_999L, 2_000L);
    assertThat(Intervals.take(recorders).get("flushed:PROCESS_INSTANCE").getTotalCount())
        .as("nothing recorded since")
        .isZero();
  }

  @Test
  void shouldCreateARecorderOnlyForAStageAndValueTypeThatGotAValue() {
    // given
    recorders.record(LatencyStage.BULK, PI, 10, 1);
    recorders.record(LatencyStage.EXPORTER_LAG, ValueType.PROCESS.ordinal(), 10, 1);

    // when
    var taken = Intervals.take(recorders);

    // then
    assertThat(taken).containsOnlyKeys("bulk:PROCESS_INSTANCE", "exporter-lag:PROCESS");
  }

  @Test
  void shouldRecordANegativeLatencyAsZeroAndCountIt() {
    // given a clock that stepped back
    // when
    recorders.record(LatencyStage.EXPORTER_LAG, PI, -5_000, 2);

    // then
    var interval = Intervals.take(recorders).get("exporter-lag:PROCESS_INSTANCE");
    assertThat(interval.getTotalCount()).isEqualTo(2);
    assertThat(interval.getMaxValue()).isZero();
    assertThat(recorders.clampedBelow()).isEqualTo(2);
    assertThat(recorders.clampedAbove()).isZero();
  }

  @Test
  void shouldRecordALatencyAboveOneHourAsOneHourAndCountIt() {
    // given a replayed record from yesterday
    // when
    recorders.record(LatencyStage.FLUSHED, PI, 86_400_000_000L, 1);

    // then
    var interval = Intervals.take(recorders).get("flushed:PROCESS_INSTANCE");
    assertThat(interval.getTotalCount()).isEqualTo(1);
    assertThat(interval.highestEquivalentValue(interval.getMaxValue()))
        .isGreaterThanOrEqualTo(StageRecorders.HIGHEST_TRACKABLE_MICROS);
    assertThat(recorders.clampedAbove()).isEqualTo(1);
  }

  @Test
  void shouldKeepThreeSignificantDigitsUpToOneHour() {
    // given
    recorders.record(LatencyStage.FLUSHED, PI, 1_234_567, 1);

    // when
    var interval = Intervals.take(recorders).get("flushed:PROCESS_INSTANCE");

    // then: within 0.1 %
    assertThat(interval.getMaxValue())
        .isCloseTo(1_234_567L, org.assertj.core.data.Percentage.withPercentage(0.1));
  }
}
