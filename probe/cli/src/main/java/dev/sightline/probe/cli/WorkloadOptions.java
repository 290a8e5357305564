package dev.sightline.probe.cli;

import dev.sightline.probe.compare.CompareOptions;
import dev.sightline.probe.workload.WorkloadSpec;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code compare} and {@code run} share. Durations as in the exporter's settings: 90s,
 * 2m, 500ms, PT1M. Every value is checked while parsing ({@link Converters}).
 */
final class WorkloadOptions {

  @Option(
      names = "--rate",
      defaultValue = "5",
      converter = Converters.PositiveNumber.class,
      description =
          "Root instances started per second over all partitions (default: ${DEFAULT-VALUE}; each starts 6 process instances).")
  double rate;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      converter = Converters.Partition.class,
      description = "Partitions, 1 to 8191 (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      converter = Converters.PositiveDuration.class,
      description = "Measured part of each variant's run (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--warm-up",
      defaultValue = "15s",
      converter = Converters.NonNegativeDuration.class,
      description = "Unmeasured start of each run (default: ${DEFAULT-VALUE}).")
  Duration warmUp;

  @Option(
      names = "--payload",
      defaultValue = "1024",
      converter = Converters.NotNegative.class,
      description = "Characters of the payload variable per instance (default: ${DEFAULT-VALUE}).")
  int payload;

  @Option(
      names = "--worker-delay",
      defaultValue = "100ms",
      converter = Converters.NonNegativeDuration.class,
      description = "Job activation to completion (default: ${DEFAULT-VALUE}).")
  Duration workerDelay;

  @Option(
      names = "--incident-rate",
      defaultValue = "0.01",
      converter = Converters.Fraction.class,
      description =
          "Fraction of jobs that fail into an incident, resolved after 1 s (default: ${DEFAULT-VALUE}).")
  double incidentRate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Workload seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin TargetOptions target;

  @Option(
      names = "--drain-timeout",
      defaultValue = "120s",
      converter = Converters.PositiveDuration.class,
      description =
          "How long to wait, after the workload, for every record to be acknowledged and visible;"
              + " a variant that does not drain in time fails the run, exit code 3"
              + " (default: ${DEFAULT-VALUE}).")
  Duration drainTimeout;

  /**
   * @param command the command whose line it was (for a usage error: {@link
   *     TargetOptions#engineVersion}, {@link TargetOptions#nodes})
   */
  CompareOptions toOptions(CommandLine command) {
    var spec =
        WorkloadSpec.defaults()
            .withRate(rate)
            .withPartitions(partitions)
            .withDuration(duration, warmUp)
            .withPayloadBytes(payload)
            .withWorkerDelay(workerDelay)
            .withIncidents(incidentRate, Duration.ofSeconds(1))
            .withSeed(seed);
    return new CompareOptions(
        spec,
        target.elasticsearch(command),
        target.engineVersion(command),
        target.nodes(command),
        target.heap,
        target.out,
        target.jars(),
        drainTimeout);
  }
}
