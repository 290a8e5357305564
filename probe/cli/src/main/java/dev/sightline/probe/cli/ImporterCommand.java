package dev.sightline.probe.cli;

import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.probe.twohop.importer.Importer;
import dev.sightline.probe.twohop.importer.ImporterSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sightline importer}: the two-hop importer on its own, until Ctrl-C. */
@Command(
    name = "importer",
    mixinStandardHelpOptions = true,
    description =
        "Imports records from the zeebe-record indices into the read model (Camunda 8.6's second hop).")
final class ImporterCommand implements Callable<Integer> {

  @Option(
      names = "--es",
      required = true,
      split = ",",
      paramLabel = "<url>",
      converter = Converters.HttpUrl.class,
      description =
          "Elasticsearch or OpenSearch URL, e.g. http://127.0.0.1:9200; a cluster's nodes"
              + " comma-separated.")
  List<URI> urls;

  @Option(
      names = "--prefix",
      defaultValue = "sightline",
      description = "Read-model index prefix (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(
      names = "--record-prefix",
      defaultValue = "zeebe-record",
      description = "Record index prefix (default: ${DEFAULT-VALUE}).")
  String recordPrefix;

  @Option(
      names = "--position-index",
      defaultValue = "operate-import-position",
      description = "Import-position index (default: ${DEFAULT-VALUE}).")
  String positionIndex;

  @Option(
      names = "--partitions",
      split = ",",
      defaultValue = "1",
      converter = Converters.Partition.class,
      description = "Partitions to import, ids 1 to 8191, e.g. 1,2,3 (default: ${DEFAULT-VALUE}).")
  List<Integer> partitions;

  @Option(
      names = "--idle-backoff",
      defaultValue = "5s",
      converter = Converters.PositiveDuration.class,
      description = "Wait after an empty batch, e.g. 5s or 200ms (default: ${DEFAULT-VALUE}).")
  Duration idleBackoff;

  @Override
  public Integer call() throws InterruptedException {
    var readModel =
        ConfigParser.parse(
            Map.of(
                "connect.url",
                urls.stream().map(URI::toString).collect(Collectors.joining(",")),
                "index.prefix",
                prefix,
                // Camunda 8.6's importers leave searchability to the index's refresh interval
                "visibility.refresh",
                "engine"));
    var settings =
        ImporterSettings.defaults(readModel, partitions, ReadModelRecordFilter.valueTypes())
            .withRecordIndexPrefix(recordPrefix)
            .withPositionIndex(positionIndex)
            .withIdleBackoff(idleBackoff);
    try (var importer = Importer.start(settings, Clock.systemUTC())) {
      Runtime.getRuntime().addShutdownHook(new Thread(importer::close, "importer-stop"));
      while (true) {
        System.out.printf("%s completed: %s%n", importer.positions(), importer.allCompleted());
        Thread.sleep(Duration.ofSeconds(10));
      }
    }
  }
}
