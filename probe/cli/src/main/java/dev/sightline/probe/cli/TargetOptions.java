package dev.sightline.probe.cli;

import dev.sightline.probe.compare.ExporterJars;
import dev.sightline.probe.es.ElasticsearchVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a run happens and what it loads: the options compare, run and throughput share. */
final class TargetOptions {

  @Option(
      names = "--es",
      converter = Converters.HttpUrl.class,
      description = "Use this Elasticsearch (an http(s) URL) instead of starting an embedded node.")
  URI elasticsearch;

  @Option(
      names = "--es-version",
      defaultValue = "9.5.3",
      converter = Converters.EsVersion.class,
      description = "Embedded node version: 9.5.3 or 8.19.21 (default: ${DEFAULT-VALUE}).")
  ElasticsearchVersion elasticsearchVersion;

  @Option(
      names = "--es-heap",
      defaultValue = "1g",
      converter = Converters.HeapSize.class,
      description = "Embedded node heap (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--out",
      defaultValue = "target/sightline",
      description = "Where run folders go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--jar",
      converter = Converters.ExistingFile.class,
      description =
          "The exporter jar the host loads (default: the one this build made, exporter/target/sightline-exporter-<version>.jar).")
  Path jar;

  @Option(
      names = "--two-hop-jar",
      converter = Converters.ExistingFile.class,
      description =
          "The two-hop record-index exporter's jar (default: the one this build made, probe/two-hop/target/sightline-two-hop-<version>-exporter.jar).")
  Path twoHopJar;

  Optional<URI> elasticsearch() {
    return Optional.ofNullable(elasticsearch);
  }

  ExporterJars jars() {
    var jars = ExporterJars.ofBuild(ProjectVersion.get());
    if (jar != null) {
      jars = jars.withDirect(jar);
    }
    return twoHopJar == null ? jars : jars.withTwoHop(twoHopJar);
  }

  ElasticsearchVersion version() {
    return elasticsearchVersion;
  }
}
