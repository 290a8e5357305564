package dev.sightline.probe.cli;

import dev.sightline.probe.compare.ExporterJars;
import dev.sightline.probe.es.EngineVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a run happens and what it loads: the options compare, run and throughput share. The node is
 * one given by URL ({@code --es}) or one the run starts ({@code --engine}, {@code --version}).
 */
final class TargetOptions {

  @Option(
      names = "--es",
      converter = Converters.HttpUrl.class,
      description =
          "Use this Elasticsearch or OpenSearch node (an http(s) URL) instead of starting an"
              + " embedded one; its engine and version are detected.")
  URI elasticsearch;

  /** The embedded node's engine and version. */
  @Mixin EngineOptions engine;

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

  /**
   * The engine and version of the node to start when no {@code --es} is given.
   *
   * @param command the command whose line it was: {@code --engine} or {@code --version} beside
   *     {@code --es} is a usage error of it (the node's engine is detected, not chosen)
   */
  EngineVersion engineVersion(CommandLine command) {
    if (elasticsearch != null && engine.given()) {
      throw new ParameterException(
          command,
          "--engine and --version choose the embedded node; with --es the node's engine is"
              + " detected: give --es or --engine/--version, not both");
    }
    return engine.engineVersion(command);
  }
}
