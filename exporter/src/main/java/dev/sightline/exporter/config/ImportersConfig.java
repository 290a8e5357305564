package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the importers of the two-hop design (Camunda 8.6) keep their progress, and how often the
 * exporter looks: on a cluster upgraded from that design, the exporter writes nothing until they
 * are done.
 *
 * @param checkInterval how often a waiting exporter checks the import positions again
 * @param positionIndex the index holding one import-position document per (partition, value type)
 * @param recordIndexPrefix the prefix of the record indices the importers read; none of them =
 *     nothing to wait for
 */
public record ImportersConfig(
    Duration checkInterval, String positionIndex, String recordIndexPrefix) {

  public ImportersConfig {
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(positionIndex, "positionIndex");
    Objects.requireNonNull(recordIndexPrefix, "recordIndexPrefix");
  }
}
