package dev.sightline.probe.throughput;

import dev.sightline.probe.compare.Topology;
import java.util.List;
import java.util.Locale;

/**
 * A run of {@code ./sightline throughput}: the same records in every round, each round on fresh
 * indices of the same node; the earlier rounds warm the node (and the JIT of both JVMs), the last
 * one is the figure.
 *
 * @param topology the nodes the run ran on, their engine and the replicas of every index (the
 *     exporters' and the raw bulk's alike)
 * @param records records the exporters were given in each round (all partitions)
 */
public record ThroughputResult(
    String runId,
    Topology topology,
    int partitions,
    int instances,
    long records,
    List<ThroughputRound> rounds) {

  public ThroughputRound measured() {
    return rounds.getLast();
  }

  public String render() {
    var text = new StringBuilder();
    var longest = measured().variants().stream().mapToInt(v -> v.label().length()).max().orElse(0);
    var width = Math.max(34, longest + " exporter (from records)".length());
    var row = "%-8s %-" + width + "s %,11d %8.2fs %,12.0f %,11.0f %14.0f %11.1f%n";
    var rawRow = "%-8s %-" + width + "s %,11d %8.2fs %,12.0f %11s %14s %11s%n";
    var ratioRow = "%-8s %-" + width + "s %.2f%n";
    text.append(
        String.format(
            Locale.ROOT,
            "Sustained throughput: %d partitions, %,d root instances (%,d records), %s%n",
            partitions,
            instances,
            records,
            topology.describe()));
    for (var variant : measured().variants()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %s: %s%n",
              variant.label(),
              variant.settings().isEmpty() ? "defaults" : settings(variant)));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%n%-8s %-" + width + "s %11s %9s %12s %11s %14s %11s%n",
            "round",
            "",
            "bulk ops",
            "elapsed",
            "documents/s",
            "records/s",
            "mean flush ms",
            "searches/s"));
    for (var round : rounds) {
      var label = round.round() + (round == measured() ? "" : " (warm)");
      for (var variant : round.variants()) {
        var seconds = ThroughputRound.seconds(variant.elapsed());
        text.append(
            String.format(
                Locale.ROOT,
                row,
                label,
                variant.label() + " exporter (from records)",
                variant.bulkOperations(),
                seconds,
                round.documents() / seconds,
                records / seconds,
                variant.meanFlushMillis(),
                variant.searchesPerSecond()));
        label = "";
      }
      var rawSeconds = ThroughputRound.seconds(round.raw());
      text.append(
          String.format(
              Locale.ROOT,
              rawRow,
              "",
              "raw bulk (same final documents)",
              round.documents(),
              rawSeconds,
              round.documents() / rawSeconds,
              "-",
              "-",
              "-"));
      for (var variant : round.variants()) {
        text.append(
            String.format(
                Locale.ROOT,
                ratioRow,
                "",
                variant.label() + " / raw (same documents)",
                round.ratio(variant)));
      }
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nExporter / raw bulk of the same %,d final documents (round %d; elapsed raw / elapsed"
                + " exporter):%n",
            measured().documents(),
            measured().round()));
    for (var variant : measured().variants()) {
      text.append(
          String.format(Locale.ROOT, "  %s: %.2f%n", variant.label(), measured().ratio(variant)));
    }
    text.append("(searches/s: the exporters' visible stage, all partitions; docs/latency.md)\n");
    return text.toString();
  }

  private static String settings(ExporterRun variant) {
    var text = new StringBuilder();
    variant
        .settings()
        .forEach(
            (key, value) ->
                text.append(text.isEmpty() ? "" : ", ").append(key).append('=').append(value));
    return text.toString();
  }
}
