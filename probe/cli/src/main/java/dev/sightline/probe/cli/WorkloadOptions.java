package dev.sightline.probe.cli;

import dev.sightline.exporter.config.Durations;
import dev.sightline.probe.compare.CompareOptions;
import dev.sightline.probe.workload.WorkloadSpec;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code compare} and {@code run} share. Durations as in the exporter's settings: 90s,
 * 2m, 500ms.
 */
final class WorkloadOptions {

  @Option(
      names = "--rate",
      defaultValue = "5",
      description =
          "Root instances started per second over all partitions (default: ${DEFAULT-VALUE}; each starts 6 process instances).")
  double rate;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "Measured part of each variant's run (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--warm-up",
      defaultValue = "15s",
      description = "Unmeasured start of each run (default: ${DEFAULT-VALUE}).")
  String warmUp;

  @Option(
      names = "--payload",
      defaultValue = "1024",
      description = "Characters of the payload variable per instance (default: ${DEFAULT-VALUE}).")
  int payload;

  @Option(
      names = "--worker-delay",
      defaultValue = "100ms",
      description = "Job activation to completion (default: ${DEFAULT-VALUE}).")
  String workerDelay;

  @Option(
      names = "--incident-rate",
      defaultValue = "0.01",
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
      description =
          "How long to wait for the last records to become visible (default: ${DEFAULT-VALUE}).")
  String drainTimeout;

  CompareOptions toOptions() {
    var spec =
        WorkloadSpec.defaults()
            .withRate(rate)
            .withPartitions(partitions)
            .withDuration(duration(duration), duration(warmUp))
            .withPayloadBytes(payload)
            .withWorkerDelay(duration(workerDelay))
            .withIncidents(incidentRate, Duration.ofSeconds(1))
            .withSeed(seed);
    return new CompareOptions(
        spec,
        target.elasticsearch(),
        target.version(),
        target.heap,
        target.out,
        target.jars(),
        duration(drainTimeout));
  }

  /**
   * Reads a duration with the exporter's own rules (so {@code 90s}, {@code 2m}, {@code PT1M} all
   * work).
   */
  private static Duration duration(String text) {
    return Durations.parse(text);
  }
}
