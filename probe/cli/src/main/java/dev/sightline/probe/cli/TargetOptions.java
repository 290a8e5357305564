package dev.sightline.probe.cli;

import dev.sightline.probe.compare.ExporterJars;
import dev.sightline.probe.es.EngineVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a run happens and what it loads: the options compare, run and throughput share. The nodes
 * are those given by URL ({@code --es}) or those the run starts ({@code --engine}, {@code
 * --version}, {@code --nodes}).
 */
final class TargetOptions {

  @Option(
      names = "--es",
      split = ",",
      paramLabel = "<url>",
      converter = Converters.HttpUrl.class,
      description =
          "Use these Elasticsearch or OpenSearch nodes (http(s) URLs; a cluster's comma-separated,"
              + " as connect.url takes them, and its indices then get 1 replica) instead of"
              + " starting embedded ones; their engine and version are detected.")
  List<URI> elasticsearch;

  @Option(
      names = "--nodes",
      paramLabel = "<nodes>",
      converter = Converters.NodeCount.class,
      description =
          "Embedded nodes to start, as ./sightline es --nodes: 1 is a single node (indices without"
              + " replicas), more form a real cluster (discovery, master election) whose every"
              + " node is in connect.url and whose indices get 1 replica, e.g. 3 (default: 1).")
  Integer nodes;

  /** The embedded node's engine and version. */
  @Mixin EngineOptions engine;

  @Option(
      names = "--es-heap",
      defaultValue = "1g",
      converter = Converters.HeapSize.class,
      description = "Heap of each embedded node (default: ${DEFAULT-VALUE}).")
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

  /**
   * The nodes given by URL; empty: the run starts its own.
   *
   * @param command the command whose line it was: a URL given twice is a usage error of it (the
   *     node count decides the replicas)
   */
  List<URI> elasticsearch(CommandLine command) {
    if (elasticsearch == null) {
      return List.of();
    }
    var seen = new HashSet<String>();
    for (var url : elasticsearch) {
      if (!seen.add(url.toString().replaceFirst("/+$", ""))) {
        throw new ParameterException(
            command,
            "Invalid value for option '--es': %s is given twice (list each node once)"
                .formatted(url));
      }
    }
    return List.copyOf(elasticsearch);
  }

  /**
   * How many nodes to start when no {@code --es} is given: {@code --nodes}, else 1.
   *
   * @param command the command whose line it was: {@code --nodes} beside {@code --es} is a usage
   *     error of it (the nodes are the URLs given)
   */
  int nodes(CommandLine command) {
    if (elasticsearch != null && nodes != null) {
      throw new ParameterException(
          command,
          "--nodes chooses how many embedded nodes to start; with --es the nodes are the URLs"
              + " given (comma-separated): give --es or --nodes, not both");
    }
    return nodes == null ? 1 : nodes;
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
