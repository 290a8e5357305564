package dev.sightline.probe.cli;

import dev.sightline.probe.throughput.SustainedThroughput;
import dev.sightline.probe.throughput.ThroughputOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./sightline throughput}: the direct exporter flat out against a raw bulk of its own
 * documents.
 */
@Command(
    name = "throughput",
    mixinStandardHelpOptions = true,
    description =
        "Gives the direct exporter (its jar, one per partition, in the broker-like host) a backlog of workload"
            + " records and times it until every partition acknowledged its last record; then bulk-indexes the"
            + " documents it ended with, as they are, into indices with the same mappings (same bulk size, one"
            + " writer per partition) and prints both rates and their ratio, measured in one run on one node.")
final class ThroughputCommand implements Callable<Integer> {

  @Option(
      names = "--instances",
      defaultValue = "2000",
      converter = Converters.AtLeastOne.class,
      description = "Root instances in the backlog (default: ${DEFAULT-VALUE}; 289 records each).")
  int instances;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      converter = Converters.Partition.class,
      description = "Partitions, one exporter each (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--payload",
      defaultValue = "1024",
      converter = Converters.NotNegative.class,
      description = "Characters of the payload variable per instance (default: ${DEFAULT-VALUE}).")
  int payload;

  @Option(
      names = "--bulk-size",
      defaultValue = "1000",
      converter = Converters.AtLeastOne.class,
      description = "Documents per bulk request, both sides (default: ${DEFAULT-VALUE}).")
  int bulkSize;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      converter = Converters.AtLeastOne.class,
      description =
          "Rounds on fresh indices, the same records each time; all but the last warm up the node (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--keep-indices",
      description = "Keep each round's indices (deleted after the round by default).")
  boolean keepIndices;

  @Mixin TargetOptions target;

  @Override
  public Integer call() throws Exception {
    SustainedThroughput.run(
        new ThroughputOptions(
            instances,
            partitions,
            payload,
            bulkSize,
            rounds,
            keepIndices,
            target.elasticsearch(),
            target.version(),
            target.heap,
            target.jars().direct(),
            Optional.empty(),
            target.out),
        System.out);
    return 0;
  }
}
