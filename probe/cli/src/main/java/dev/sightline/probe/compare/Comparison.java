package dev.sightline.probe.compare;

import dev.sightline.probe.es.ElasticsearchLease;
import dev.sightline.probe.report.ComparisonTable;
import dev.sightline.probe.report.RunFiles;
import dev.sightline.probe.report.RunResult;
import dev.sightline.probe.report.VariantResult;
import dev.sightline.probe.workload.Workload;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs variants one after the other on the same Elasticsearch or OpenSearch node (or cluster) with
 * the same workload (same seed, each starting its own clock), then writes the run folder and prints
 * the table. A variant that does not drain within the drain timeout is reported as unfinished, and
 * the run fails.
 */
public final class Comparison {

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private Comparison() {}

  /**
   * Runs with plain progress lines (for logs, files and tests).
   *
   * @see #run(CompareOptions, List, PrintStream, ProgressStyle)
   */
  public static Path run(CompareOptions options, List<Variant> variants, PrintStream out)
      throws Exception {
    return run(options, variants, out, ProgressStyle.PLAIN);
  }

  /**
   * Runs the variants in their order; returns the run folder.
   *
   * @throws InvalidVariantException before anything starts, if two variants share a label or an
   *     exporter refuses its variant's settings
   * @throws UnfinishedRunException after writing the run folder, if a variant did not drain
   */
  public static Path run(
      CompareOptions options, List<Variant> variants, PrintStream out, ProgressStyle progress)
      throws Exception {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a comparison runs at least one variant");
    }
    Variant.requireDistinctLabels(variants);
    options
        .jars()
        .requirePresent(
            variants.stream().anyMatch(variant -> variant.design() == Design.DIRECT),
            variants.stream().anyMatch(variant -> variant.design() == Design.TWO_HOP));
    // Every exporter checks its settings before a node starts: a typo fails in a second.
    var someNodes = Topology.beforeStart(options.elasticsearch(), options.nodes());
    VariantExporters.check(
        variants,
        variant ->
            VariantRunner.exporter(
                variant,
                options.jars(),
                someNodes,
                "check-" + variant.slug(),
                options.outputRoot().resolve("check-hlog")));
    var startedAt = Instant.now();
    var runId = RUN_ID.format(startedAt);
    var runDir = options.outputRoot().resolve(runId);
    Files.createDirectories(runDir);
    try (var lease =
        ElasticsearchLease.of(
            options.elasticsearch(),
            options.engineVersion(),
            options.nodes(),
            options.elasticsearchHeap(),
            out)) {
      var topology = Topology.of(lease);
      out.printf("On %s%n", options.where(topology));
      var runner =
          new VariantRunner(
              topology, options.jars(), runDir, runId, options.drainTimeout(), out, progress);
      var results = new ArrayList<VariantResult>();
      for (int i = 0; i < variants.size(); i++) {
        var variant = variants.get(i);
        out.printf("%n== %s: %s%n", variant.label(), variant.description());
        // The same records for every variant, each on its own clock: start a little ahead to get
        // going.
        var workload = Workload.of(options.workload(), Instant.now().plusSeconds(2));
        results.add(runner.run(i + 1, variant, workload));
      }
      var result = new RunResult(runId, startedAt, options.describe(topology), results);
      RunFiles.write(runDir, result);
      out.printf("%nOn %s%n", options.where(topology));
      out.print(ComparisonTable.render(result));
      out.printf(
          "%nResults: %s (report.html, summary.json, one .hlog per variant)%n",
          runDir.toAbsolutePath());
      var unfinished =
          result.variants().stream()
              .filter(variant -> !variant.finished())
              .map(
                  variant ->
                      Drain.describe(variant.name(), options.drainTimeout(), variant.unfinished()))
              .toList();
      if (!unfinished.isEmpty()) {
        throw new UnfinishedRunException(runDir, unfinished);
      }
      return runDir;
    }
  }
}
