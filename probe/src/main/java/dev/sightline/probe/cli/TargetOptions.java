package dev.sightline.probe.cli;

import dev.sightline.probe.es.ElasticsearchVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a run happens and what it loads: the options compare, run and throughput share. */
final class TargetOptions {

  @Option(names = "--es", description = "Use this Elasticsearch instead of starting an embedded node.")
  URI elasticsearch;

  @Option(names = "--es-version", defaultValue = "9.5.3", description = "Embedded node version: 9.5.3 or 8.19.21 (default: ${DEFAULT-VALUE}).")
  String elasticsearchVersion;

  @Option(names = "--es-heap", defaultValue = "1g", description = "Embedded node heap (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--out", defaultValue = "target/sightline", description = "Where run folders go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--jar", defaultValue = "exporter/target/sightline-exporter-0.1.0-SNAPSHOT.jar", description = "The exporter jar the host loads (default: ${DEFAULT-VALUE}).")
  Path jar;

  Optional<URI> elasticsearch() {
    return Optional.ofNullable(elasticsearch);
  }

  ElasticsearchVersion version() {
    return ElasticsearchVersion.parse(elasticsearchVersion);
  }
}
