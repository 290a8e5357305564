package dev.sightline.probe.cli;

import dev.sightline.probe.es.ElasticsearchVersion;
import dev.sightline.probe.throughput.SustainedThroughput;
import dev.sightline.probe.throughput.ThroughputOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sightline throughput}: the direct exporter flat out against a raw bulk of its own documents. */
@Command(
    name = "throughput",
    mixinStandardHelpOptions = true,
    description = {
      "Gives the direct exporter (its jar, one per partition, in the broker-like host) a backlog of workload records",
      "and times it until every partition acknowledged its last record; then bulk-indexes the documents it ended",
      "with, as they are, into indices with the same mappings (same bulk size, one writer per partition) and prints",
      "both rates and their ratio, measured in one run on one node."
    })
final class ThroughputCommand implements Callable<Integer> {

  @Option(names = "--instances", defaultValue = "2000", description = "Root instances in the backlog (default: ${DEFAULT-VALUE}; 289 records each).")
  int instances;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions, one exporter each (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--payload", defaultValue = "1024", description = "Characters of the payload variable per instance (default: ${DEFAULT-VALUE}).")
  int payload;

  @Option(names = "--bulk-size", defaultValue = "1000", description = "Documents per bulk request, both sides (default: ${DEFAULT-VALUE}).")
  int bulkSize;

  @Option(names = "--rounds", defaultValue = "2", description = "Rounds on fresh indices, the same records each time; all but the last warm up the node (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--keep-indices", description = "Keep each round's indices (deleted after the round by default).")
  boolean keepIndices;

  @Option(names = "--es", description = "Use this Elasticsearch instead of starting an embedded node.")
  URI elasticsearch;

  @Option(names = "--es-version", defaultValue = "9.5.3", description = "Embedded node version: 9.5.3 or 8.19.21 (default: ${DEFAULT-VALUE}).")
  String elasticsearchVersion;

  @Option(names = "--es-heap", defaultValue = "1g", description = "Embedded node heap (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--out", defaultValue = "target/sightline", description = "Where the run folder goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--jar", defaultValue = "exporter/target/sightline-exporter-0.1.0-SNAPSHOT.jar", description = "The exporter jar the host loads (default: ${DEFAULT-VALUE}).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    SustainedThroughput.run(
        new ThroughputOptions(
            instances, partitions, payload, bulkSize, rounds, keepIndices, Optional.ofNullable(elasticsearch),
            ElasticsearchVersion.parse(elasticsearchVersion), heap, jar, Optional.empty(), out),
        System.out);
    return 0;
  }
}
