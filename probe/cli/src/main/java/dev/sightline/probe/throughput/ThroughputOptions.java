package dev.sightline.probe.throughput;

import dev.sightline.probe.compare.Design;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.es.EngineVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
 * @param elasticsearch the URLs of the nodes of a running Elasticsearch or OpenSearch cluster;
 *     empty: start one
 * @param engineVersion the engine and version of the nodes started when no URL is given
 * @param nodes how many nodes to start when no URL is given: 1 is one node, more a cluster
 * @param elasticsearchHeap the heap of each node started
 * @param exporterJar Sightline's exporter jar, the one every variant loads
 * @param variants the variants of Sightline's exporter to run in each round, in order, each with
 *     its settings on top of the run's ({@code bulk.size} = {@code bulkSize}, {@code bulk.delay}
 *     100 ms); their ratios come from the same rounds and the same raw bulk
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
    List<URI> elasticsearch,
    EngineVersion engineVersion,
    int nodes,
    String elasticsearchHeap,
    Path exporterJar,
    List<Variant> variants,
    Optional<String> indexPrefix,
    Path outputRoot) {

  /** Sightline's exporter with its defaults, alone. */
  public ThroughputOptions(
      int instances,
      int partitions,
      int payloadBytes,
      int bulkSize,
      int rounds,
      boolean keepIndices,
      List<URI> elasticsearch,
      EngineVersion engineVersion,
      int nodes,
      String elasticsearchHeap,
      Path exporterJar,
      Optional<String> indexPrefix,
      Path outputRoot) {
    this(
        instances,
        partitions,
        payloadBytes,
        bulkSize,
        rounds,
        keepIndices,
        elasticsearch,
        engineVersion,
        nodes,
        elasticsearchHeap,
        exporterJar,
        List.of(Variant.DIRECT),
        indexPrefix,
        outputRoot);
  }

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
    if (nodes < 1) {
      throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
    }
    elasticsearch = List.copyOf(elasticsearch);
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("--variant: at least one variant to run");
    }
    for (var variant : variants) {
      if (variant.design() != Design.DIRECT) {
        throw new IllegalArgumentException(
            "--variant: throughput runs variants of Sightline's exporter only, not "
                + variant.label());
      }
    }
  }
}
