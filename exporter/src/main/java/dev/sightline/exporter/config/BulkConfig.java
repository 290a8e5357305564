package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a batch of documents is flushed: whichever of the three limits is reached first. Validated
 * by {@link ConfigParser}.
 *
 * @param size documents per bulk request
 * @param delay the longest a document waits in the batch
 * @param memoryLimitBytes the batch's size in bytes of JSON
 */
public record BulkConfig(int size, Duration delay, long memoryLimitBytes) {

  public BulkConfig {
    Objects.requireNonNull(delay, "delay");
  }
}
