package dev.sightline.probe.cli;

import dev.sightline.probe.compare.NamedVariants;
import dev.sightline.probe.compare.VariantSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sightline compare}: variants of the two designs (and other exporters) on the same
 * workload and node, one after the other; by default two-hop, direct with the field's one-hop
 * defaults and direct with Sightline's ({@link NamedVariants#defaultRun()}).
 */
@Command(
    name = "compare",
    description =
        "Runs variants one after the other on the same open-loop workload against the same"
            + " node or cluster and reports when each record's data became visible, side by side:"
            + " percentile table, .hlog per variant, summary.json and report.html. By default three:"
            + " two-hop (record exporter + importer, Camunda 8.6 defaults), direct-field (Sightline's"
            + " exporter with the field's one-hop defaults) and direct (Sightline's defaults). The node:"
            + " an embedded Elasticsearch 9.5.3 by default, --engine/--version for another, --nodes 3"
            + " for a cluster (every node in connect.url, indices with 1 replica), or a running one"
            + " (--es URL[,URL...]), Elasticsearch or OpenSearch.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      SightlineCommand.EXIT_CODES_OK,
      SightlineCommand.EXIT_CODES_ERROR,
      SightlineCommand.EXIT_CODES_USAGE,
      SightlineCommand.EXIT_CODES_UNFINISHED
    })
final class CompareCommand implements Callable<Integer> {

  @Option(
      names = "--variant",
      paramLabel = "<variant>",
      converter = Converters.VariantOption.class,
      description = {
        "A variant to run; repeat it for several, run in the order given (default: two-hop, direct-field, direct).",
        VariantHelp.NAMED,
        VariantHelp.OTHER,
        VariantHelp.LABEL
      })
  List<VariantSpec> variants;

  @Mixin HelpOption help;

  @Mixin WorkloadOptions options;

  @Spec CommandSpec spec;

  /** The variants given, or the default run's. */
  List<VariantSpec> variants() {
    return variants == null || variants.isEmpty() ? NamedVariants.defaultRun() : variants;
  }

  @Override
  public Integer call() throws Exception {
    return RunOutcome.exitCode(spec, options.toOptions(spec.commandLine()), variants());
  }
}
