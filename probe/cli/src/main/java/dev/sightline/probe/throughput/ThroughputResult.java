package dev.sightline.probe.throughput;

import java.util.List;
import java.util.Locale;

/**
 * A run of {@code ./sightline throughput}: the same records in every round, each round on fresh
 * indices of the same node; the earlier rounds warm the node (and the JIT of both JVMs), the last
 * one is the figure.
 *
 * @param records records the exporters were given in each round (all partitions)
 */
public record ThroughputResult(
    String runId,
    String elasticsearchVersion,
    int partitions,
    int instances,
    long records,
    List<ThroughputRound> rounds) {

  public ThroughputRound measured() {
    return rounds.getLast();
  }

  public String render() {
    var text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Sustained throughput: %d partitions, %,d root instances (%,d records), Elasticsearch %s%n%n",
            partitions,
            instances,
            records,
            elasticsearchVersion));
    text.append(
        String.format(
            Locale.ROOT,
            "%-8s %-34s %11s %9s %12s %11s %14s%n",
            "round",
            "",
            "bulk ops",
            "elapsed",
            "documents/s",
            "records/s",
            "mean flush ms"));
    for (var round : rounds) {
      var label = round.round() + (round == measured() ? "" : " (warm)");
      var directSeconds = ThroughputRound.seconds(round.direct());
      var rawSeconds = ThroughputRound.seconds(round.raw());
      text.append(
          String.format(
              Locale.ROOT,
              "%-8s %-34s %,11d %8.2fs %,12.0f %,11.0f %14.0f%n",
              label,
              "direct exporter (from records)",
              round.bulkOperations(),
              directSeconds,
              round.documents() / directSeconds,
              records / directSeconds,
              round.meanFlushMillis()));
      text.append(
          String.format(
              Locale.ROOT,
              "%-8s %-34s %,11d %8.2fs %,12.0f %11s %14s%n",
              "",
              "raw bulk (same final documents)",
              round.documents(),
              rawSeconds,
              round.documents() / rawSeconds,
              "-",
              "-"));
      text.append(
          String.format(
              Locale.ROOT,
              "%-8s %-34s %.2f%n",
              "",
              "direct / raw (same documents)",
              round.ratio()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nDirect exporter / raw bulk of the same %,d final documents (round %d): %.2f (elapsed raw / elapsed direct)%n",
            measured().documents(),
            measured().round(),
            measured().ratio()));
    return text.toString();
  }
}
