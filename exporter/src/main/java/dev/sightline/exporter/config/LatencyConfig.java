package dev.sightline.exporter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The latency measurement's output ({@code docs/latency.md}). Stages are always measured and
 * published as metrics; the {@code .hlog} file is optional.
 *
 * @param hlogPath the directory for {@code sightline-latency-partition-<id>.hlog}; empty = no file
 * @param hlogInterval the length of one interval in the file
 */
public record LatencyConfig(Optional<Path> hlogPath, Duration hlogInterval) {

  public LatencyConfig {
    Objects.requireNonNull(hlogPath, "hlogPath");
    Objects.requireNonNull(hlogInterval, "hlogInterval");
  }
}
