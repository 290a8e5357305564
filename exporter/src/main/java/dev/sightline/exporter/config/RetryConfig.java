package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed bulk requests are retried. Validated by {@link ConfigParser}.
 *
 * @param maxBackoff the longest wait between two attempts; waits grow up to it and stay there
 */
public record RetryConfig(Duration maxBackoff) {

  public RetryConfig {
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }
}
