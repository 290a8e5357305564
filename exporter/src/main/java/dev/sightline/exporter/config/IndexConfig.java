package dev.sightline.exporter.config;

import java.util.Objects;

/**
 * How the read-model indices are named and created. Validated by {@link ConfigParser}.
 *
 * @param prefix prepended to every index name, e.g. {@code sightline-process-instance}
 * @param upgradePageSize documents of the partition one step of a schema upgrade's copy-forward
 *     reads from an older version of an index and writes to the current one (docs/operations.md,
 *     "Upgrading the schema")
 */
public record IndexConfig(
    String prefix, int numberOfShards, int numberOfReplicas, int upgradePageSize) {

  public IndexConfig {
    Objects.requireNonNull(prefix, "prefix");
  }
}
