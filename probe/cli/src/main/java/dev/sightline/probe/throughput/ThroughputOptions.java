package dev.sightline.probe.throughput;

import dev.sightline.probe.es.ElasticsearchVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code ./sightline throughput} runs.
 *
 * @param instances root instances of the benchmark shape (289 records each with the default shape)
 * @param partitions exporters writing concurrently; the raw bulk uses as many concurrent writers
 * @param payloadBytes characters of the payload variable per instance
 * @param bulkSize documents per bulk request, for the exporter ({@code bulk.size}) and the raw bulk
 *     alike
 * @param rounds rounds on fresh indices; all but the last warm up the node
 * @param keepIndices keep each round's indices (by default they are deleted after the round)
 * @param indexPrefix the indices' prefix ({@code <prefix>-<round>-direct-…}, {@code …-raw-…}); by
 *     default {@code tp-<run id>}
 */
public record ThroughputOptions(
    int instances,
    int partitions,
    int payloadBytes,
    int bulkSize,
    int rounds,
    boolean keepIndices,
    Optional<URI> elasticsearch,
    ElasticsearchVersion elasticsearchVersion,
    String elasticsearchHeap,
    Path exporterJar,
    Optional<String> indexPrefix,
    Path outputRoot) {

  public ThroughputOptions {
    if (instances < 1) {
      throw new IllegalArgumentException("--instances must be at least 1, got " + instances);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
    if (payloadBytes < 0) {
      throw new IllegalArgumentException("--payload must not be negative, got " + payloadBytes);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
    }
    if (bulkSize < 1) {
      throw new IllegalArgumentException("--bulk-size must be at least 1, got " + bulkSize);
    }
  }
}
