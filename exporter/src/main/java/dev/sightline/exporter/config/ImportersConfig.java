package dev.sightline.exporter.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the importers of the two-hop design (Camunda 8.6) keep their progress, and how often the
 * exporter looks: on a cluster upgraded from that design, the exporter writes nothing until they
 * are done.
 *
 * @param checkInterval how often a waiting exporter checks the import positions again
 * @param positionIndices names or patterns of the indices holding the importers' positions, one
 *     document per (partition, value type); each index found is one importer
 * @param recordIndexPrefix the prefix of the record indices the importers read ({@code
 *     <prefix>_<value-type>_<version>_<date>}); none of them = nothing to wait for
 */
public record ImportersConfig(
    Duration checkInterval, List<String> positionIndices, String recordIndexPrefix) {

  public ImportersConfig {
    Objects.requireNonNull(checkInterval, "checkInterval");
    positionIndices = List.copyOf(positionIndices);
    Objects.requireNonNull(recordIndexPrefix, "recordIndexPrefix");
  }
}
