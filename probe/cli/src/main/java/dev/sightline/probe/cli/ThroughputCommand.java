package dev.sightline.probe.cli;

import dev.sightline.probe.compare.InvalidVariantException;
import dev.sightline.probe.compare.NamedVariants;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.compare.VariantSpec;
import dev.sightline.probe.throughput.SustainedThroughput;
import dev.sightline.probe.throughput.ThroughputOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./sightline throughput}: the direct exporter flat out against a raw bulk of its own
 * documents.
 */
@Command(
    name = "throughput",
    description =
        "Gives the direct exporter (its jar, one per partition, in the broker-like host) a backlog of workload"
            + " records and times it until every partition acknowledged its last record, for each --variant;"
            + " then bulk-indexes the documents it ended with, as they are, into indices with the same mappings"
            + " (same bulk size, one writer per partition) and prints the rates and each variant's ratio to the"
            + " raw bulk, measured in one run on one node or cluster: an embedded Elasticsearch 9.5.3 by"
            + " default, --engine/--version for another, --nodes 3 for a cluster (indices with 1"
            + " replica, the raw bulk's too), or a running one (--es URL[,URL...]), Elasticsearch or"
            + " OpenSearch.")
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

  @Option(
      names = "--variant",
      paramLabel = "<variant>",
      converter = Converters.DirectVariantOption.class,
      description = {
        "A variant of Sightline's exporter to run in each round, before the one raw bulk; repeat it"
            + " for several, whose ratios then come from the same rounds (default: direct).",
        "direct or direct-field, optionally with exporter settings on top of the run's"
            + " (bulk.size from --bulk-size, bulk.delay 100ms): e.g."
            + " --variant direct --variant direct:bulk.size=500. label=<label> names a variant in"
            + " the results (default: its name, then <name>#2, #3, ...). Values cannot contain"
            + " commas."
      })
  List<VariantSpec> variants;

  @Mixin HelpOption help;

  @Mixin TargetOptions target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      run();
    } catch (InvalidVariantException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return 0;
  }

  private void run() throws Exception {
    SustainedThroughput.run(
        new ThroughputOptions(
            instances,
            partitions,
            payload,
            bulkSize,
            rounds,
            keepIndices,
            target.elasticsearch(spec.commandLine()),
            target.engineVersion(spec.commandLine()),
            target.nodes(spec.commandLine()),
            target.heap,
            target.jars().direct(),
            Variant.labelled(
                variants == null || variants.isEmpty() ? List.of(NamedVariants.DIRECT) : variants),
            Optional.empty(),
            target.out),
        System.out);
  }
}
