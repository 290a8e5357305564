package dev.sightline.exporter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The latency measurement's output ({@code docs/latency.md}). Stages are always measured and
 * published as metrics; the {@code .hlog} file is optional, and so is the {@code visible} stage (it
 * searches).
 *
 * @param hlogPath the directory for {@code sightline-latency-partition-<id>.hlog}; empty = no file
 * @param hlogInterval the length of one interval in the file
 * @param hlogMaxFileSizeBytes the file is rolled once it has reached this size
 * @param hlogMaxFileAge the file is rolled once it is this old
 * @param hlogMaxFiles rolled files kept besides the one being written; older ones are deleted
 * @param visible the exporter's own {@code visible} stage
 */
public record LatencyConfig(
    Optional<Path> hlogPath,
    Duration hlogInterval,
    long hlogMaxFileSizeBytes,
    Duration hlogMaxFileAge,
    int hlogMaxFiles,
    VisibleStageConfig visible) {

  public LatencyConfig {
    Objects.requireNonNull(hlogPath, "hlogPath");
    Objects.requireNonNull(hlogInterval, "hlogInterval");
    Objects.requireNonNull(hlogMaxFileAge, "hlogMaxFileAge");
    Objects.requireNonNull(visible, "visible");
  }
}
