package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {

  @Test
  void shouldDefaultToTheBenchmark() {
    // given / when
    var spec = WorkloadSpec.defaults();

    // then
    assertThat(spec.shape().name()).isEqualTo("benchmark");
    assertThat(spec.instancesPerSecond()).isEqualTo(50);
    assertThat(spec.partitions()).isEqualTo(3);
    assertThat(spec.instanceCount()).as("210 s at 50/s").isEqualTo(10_500);
  }

  @Test
  void shouldNameEveryInvalidSettingInOneMessage() {
    // given
    var defaults = WorkloadSpec.defaults();

    // when / then
    assertThatThrownBy(
            () ->
                new WorkloadSpec(
                    0,
                    0,
                    Duration.ofSeconds(-1),
                    Duration.ZERO,
                    Duration.ZERO,
                    -5,
                    1.5,
                    Duration.ZERO,
                    defaults.shape(),
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid workload: instancesPerSecond must be a positive number, got 0.0; "
                + "partitions must be between 1 and 8191, got 0; duration must not be negative, got PT-1S; "
                + "payloadBytes must not be negative, got -5; incidentRate must be between 0 and 1, got 1.5");
  }

  @Test
  void shouldSpreadInstancesRoundRobinAtTheirIntendedOffsets() {
    // given
    var spec = WorkloadSpec.defaults().withRate(3).withPartitions(2);

    // when / then
    assertThat(spec.startOffsetNanos(0)).isZero();
    assertThat(spec.startOffsetNanos(1)).isEqualTo(333_333_333);
    assertThat(spec.startOffsetNanos(3)).isEqualTo(1_000_000_000);
    assertThat(spec.partitionOf(0)).isEqualTo(1);
    assertThat(spec.partitionOf(1)).isEqualTo(2);
    assertThat(spec.partitionOf(2)).isEqualTo(1);
  }
}
