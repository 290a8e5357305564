package dev.sightline.probe.workload;

import dev.sightline.probe.workload.shape.Shape;
import dev.sightline.probe.workload.shape.Shapes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An open-loop workload: root instances of {@code shape} are started at a constant rate, instance
 * {@code i} at {@code start + i / instancesPerSecond} on partition {@code i mod partitions + 1},
 * for {@code warmUp + duration}; instances started during the warm-up are not meant to be measured.
 *
 * @param instancesPerSecond root instances started per second, over all partitions
 * @param partitions the partition count P (ids 1..P)
 * @param duration how long instances are started after the warm-up
 * @param warmUp how long instances are started before the measured part
 * @param workerDelay from a job's activation to its completion (or failure) by the simulated worker
 * @param payloadBytes characters of the {@code payload} string variable each root instance is
 *     created with (0: none)
 * @param incidentRate the fraction of jobs whose first attempt fails with no retries left, raising
 *     an incident
 * @param incidentResolveDelay from an incident to the operator's new retries and resolution
 * @param shape the processes one started instance runs
 * @param seed makes payloads and failing jobs reproducible
 */
public record WorkloadSpec(
    double instancesPerSecond,
    int partitions,
    Duration duration,
    Duration warmUp,
    Duration workerDelay,
    int payloadBytes,
    double incidentRate,
    Duration incidentResolveDelay,
    Shape shape,
    long seed) {

  /** Zeebe's partition id space: 13 bits above the 51 key bits. */
  static final int MAX_PARTITIONS = 8191;

  public WorkloadSpec {
    List<String> problems = new ArrayList<>();
    if (!(instancesPerSecond > 0) || Double.isInfinite(instancesPerSecond)) {
      problems.add("instancesPerSecond must be a positive number, got " + instancesPerSecond);
    }
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      problems.add(
          "partitions must be between 1 and %d, got %d".formatted(MAX_PARTITIONS, partitions));
    }
    requireNotNegative(problems, "duration", duration);
    requireNotNegative(problems, "warmUp", warmUp);
    requireNotNegative(problems, "workerDelay", workerDelay);
    requireNotNegative(problems, "incidentResolveDelay", incidentResolveDelay);
    if (payloadBytes < 0) {
      problems.add("payloadBytes must not be negative, got " + payloadBytes);
    }
    if (!(incidentRate >= 0 && incidentRate <= 1)) {
      problems.add("incidentRate must be between 0 and 1, got " + incidentRate);
    }
    if (shape == null) {
      problems.add("shape must be given");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid workload: " + String.join("; ", problems));
    }
  }

  /** 50 instances/s of the benchmark shape over 3 partitions for 3 minutes after a 30 s warm-up. */
  public static WorkloadSpec defaults() {
    return new WorkloadSpec(
        50,
        3,
        Duration.ofMinutes(3),
        Duration.ofSeconds(30),
        Duration.ofMillis(100),
        1024,
        0.01,
        Duration.ofSeconds(1),
        Shapes.benchmark(),
        42);
  }

  public WorkloadSpec withRate(double instancesPerSecond) {
    return with(spec -> spec.instancesPerSecond = instancesPerSecond);
  }

  public WorkloadSpec withPartitions(int partitions) {
    return with(spec -> spec.partitions = partitions);
  }

  /** Sets the measured duration and the warm-up before it. */
  public WorkloadSpec withDuration(Duration duration, Duration warmUp) {
    return with(
        spec -> {
          spec.duration = duration;
          spec.warmUp = warmUp;
        });
  }

  public WorkloadSpec withWorkerDelay(Duration workerDelay) {
    return with(spec -> spec.workerDelay = workerDelay);
  }

  public WorkloadSpec withPayloadBytes(int payloadBytes) {
    return with(spec -> spec.payloadBytes = payloadBytes);
  }

  public WorkloadSpec withIncidents(double incidentRate, Duration incidentResolveDelay) {
    return with(
        spec -> {
          spec.incidentRate = incidentRate;
          spec.incidentResolveDelay = incidentResolveDelay;
        });
  }

  public WorkloadSpec withShape(Shape shape) {
    return with(spec -> spec.shape = shape);
  }

  public WorkloadSpec withSeed(long seed) {
    return with(spec -> spec.seed = seed);
  }

  /**
   * When instance {@code i} is meant to start, after the workload's start: {@code i / rate},
   * rounded down to ns.
   */
  public long startOffsetNanos(long instance) {
    return (long) Math.floor(instance * 1e9 / instancesPerSecond);
  }

  /** Root instances started in all: those whose start falls before {@code warmUp + duration}. */
  public long instanceCount() {
    long totalNanos = warmUp.plus(duration).toNanos();
    long count = (long) Math.ceil(totalNanos / 1e9 * instancesPerSecond);
    while (count > 0 && startOffsetNanos(count - 1) >= totalNanos) {
      count--;
    }
    while (startOffsetNanos(count) < totalNanos) {
      count++;
    }
    return count;
  }

  /** The partition instance {@code i} starts on: round robin from partition 1. */
  public int partitionOf(long instance) {
    return (int) (instance % partitions) + 1;
  }

  private static void requireNotNegative(List<String> problems, String name, Duration value) {
    if (value == null) {
      problems.add(name + " must be given");
    } else if (value.isNegative()) {
      problems.add(name + " must not be negative, got " + value);
    }
  }

  /** A copy with {@code change} applied, validated like any other. */
  private WorkloadSpec with(Consumer<Components> change) {
    var components = new Components(this);
    change.accept(components);
    return components.toSpec();
  }

  /** The components, to change one at a time: the one place that copies them all. */
  private static final class Components {
    double instancesPerSecond;
    int partitions;
    Duration duration;
    Duration warmUp;
    Duration workerDelay;
    int payloadBytes;
    double incidentRate;
    Duration incidentResolveDelay;
    Shape shape;
    long seed;

    Components(WorkloadSpec spec) {
      instancesPerSecond = spec.instancesPerSecond;
      partitions = spec.partitions;
      duration = spec.duration;
      warmUp = spec.warmUp;
      workerDelay = spec.workerDelay;
      payloadBytes = spec.payloadBytes;
      incidentRate = spec.incidentRate;
      incidentResolveDelay = spec.incidentResolveDelay;
      shape = spec.shape;
      seed = spec.seed;
    }

    WorkloadSpec toSpec() {
      return new WorkloadSpec(
          instancesPerSecond,
          partitions,
          duration,
          warmUp,
          workerDelay,
          payloadBytes,
          incidentRate,
          incidentResolveDelay,
          shape,
          seed);
    }
  }
}
