package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a batch of documents is flushed: whichever of the three limits is reached first. Validated
 * by {@link ConfigParser}.
 *
 * @param size documents per bulk request
 * @param delay the longest a document waits in the batch
 * @param memoryLimitBytes the serialized bytes of one bulk request at most; the accumulating batch
 *     counts as full at this estimated size
 * @param maxInFlight bulk requests one partition has in flight at once
 * @param linger how long a batch waits, when no bulk is in flight, before it is sent
 */
public record BulkConfig(
    int size, Duration delay, long memoryLimitBytes, int maxInFlight, Duration linger) {

  public BulkConfig {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(linger, "linger");
  }
}
