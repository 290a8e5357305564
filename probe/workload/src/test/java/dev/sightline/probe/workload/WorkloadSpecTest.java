package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.workload.shape.Shapes;
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

  @Test
  void shouldChangeOnlyTheComponentsEachWithNames() {
    // given
    var defaults = WorkloadSpec.defaults();

    // when
    var rate = defaults.withRate(7);
    var partitions = defaults.withPartitions(5);
    var duration = defaults.withDuration(Duration.ofSeconds(11), Duration.ofSeconds(2));
    var workerDelay = defaults.withWorkerDelay(Duration.ofMillis(3));
    var payload = defaults.withPayloadBytes(9);
    var incidents = defaults.withIncidents(0.5, Duration.ofSeconds(4));
    var shape = defaults.withShape(Shapes.singleTask());
    var seed = defaults.withSeed(13);

    // then each holds its new value, and is the defaults again once that value is put back
    assertThat(rate.instancesPerSecond()).isEqualTo(7);
    assertThat(rate.withRate(defaults.instancesPerSecond())).isEqualTo(defaults);
    assertThat(partitions.partitions()).isEqualTo(5);
    assertThat(partitions.withPartitions(defaults.partitions())).isEqualTo(defaults);
    assertThat(duration.duration()).isEqualTo(Duration.ofSeconds(11));
    assertThat(duration.warmUp()).isEqualTo(Duration.ofSeconds(2));
    assertThat(duration.withDuration(defaults.duration(), defaults.warmUp())).isEqualTo(defaults);
    assertThat(workerDelay.workerDelay()).isEqualTo(Duration.ofMillis(3));
    assertThat(workerDelay.withWorkerDelay(defaults.workerDelay())).isEqualTo(defaults);
    assertThat(payload.payloadBytes()).isEqualTo(9);
    assertThat(payload.withPayloadBytes(defaults.payloadBytes())).isEqualTo(defaults);
    assertThat(incidents.incidentRate()).isEqualTo(0.5);
    assertThat(incidents.incidentResolveDelay()).isEqualTo(Duration.ofSeconds(4));
    assertThat(incidents.withIncidents(defaults.incidentRate(), defaults.incidentResolveDelay()))
        .isEqualTo(defaults);
    assertThat(shape.shape()).isEqualTo(Shapes.singleTask());
    assertThat(shape.withShape(defaults.shape())).isEqualTo(defaults);
    assertThat(seed.seed()).isEqualTo(13);
    assertThat(seed.withSeed(defaults.seed())).isEqualTo(defaults);
  }

  @Test
  void shouldValidateACopyLikeANewSpec() {
    // given
    var defaults = WorkloadSpec.defaults();

    // when / then
    assertThatThrownBy(() -> defaults.withPartitions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid workload: partitions must be between 1 and 8191, got 0");
  }
}
