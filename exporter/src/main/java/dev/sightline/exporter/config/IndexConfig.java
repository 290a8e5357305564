package dev.sightline.exporter.config;

import java.util.Objects;

/**
 * How the read-model indices are named and created. Validated by {@link ConfigParser}.
 *
 * @param prefix prepended to every index name, e.g. {@code sightline-process-instance}
 */
public record IndexConfig(String prefix, int numberOfShards, int numberOfReplicas) {

  public IndexConfig {
    Objects.requireNonNull(prefix, "prefix");
  }
}
