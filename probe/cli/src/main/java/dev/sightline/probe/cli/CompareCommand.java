package dev.sightline.probe.cli;

import dev.sightline.probe.compare.Comparison;
import dev.sightline.probe.compare.Variant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    })
final class CompareCommand implements Callable<Integer> {

  @Mixin WorkloadOptions options;

  @Override
  public Integer call() throws Exception {
    Comparison.run(options.toOptions(), List.of(Variant.TWO_HOP, Variant.DIRECT), System.out);
    return 0;
  }
}
