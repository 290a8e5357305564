package dev.sightline.probe.cli;

import dev.sightline.probe.compare.Variant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./sightline compare}: the two-hop design and the direct design on the same workload and
 * node.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the two-hop design (record exporter + importer, Camunda 8.6 defaults) and the direct design (Sightline)",
      "on the same open-loop workload against the same Elasticsearch node, one after the other, and reports when",
      "each record's data became visible: percentile table, .hlog per variant, summary.json and report.html."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      SightlineCommand.EXIT_CODES_OK,
      SightlineCommand.EXIT_CODES_ERROR,
      SightlineCommand.EXIT_CODES_USAGE,
      SightlineCommand.EXIT_CODES_UNFINISHED
    })
final class CompareCommand implements Callable<Integer> {

  @Mixin WorkloadOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return RunOutcome.exitCode(spec, options.toOptions(), List.of(Variant.TWO_HOP, Variant.DIRECT));
  }
}
