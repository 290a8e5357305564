package dev.sightline.probe.cli;

import dev.sightline.probe.es.ElasticsearchCluster;
import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.es.NodeOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sightline es}: starts a real node, or a cluster of them, prints the URL(s) and keeps
 * them up until Ctrl-C.
 */
@Command(
    name = "es",
    description = {
      "Starts a real Elasticsearch or OpenSearch node (or a cluster: --nodes) on 127.0.0.1, each node"
          + " in its own JVM, and prints its URL (first line; a cluster's URLs comma-separated,"
          + " as connect.url takes them) until Ctrl-C.",
      "Ctrl-C stops the nodes and deletes their data folders."
    })
final class EsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin EngineOptions engine;

  @Option(
      names = "--nodes",
      defaultValue = "1",
      converter = Converters.NodeCount.class,
      description =
          "Nodes: 1 is a single-node cluster; more form a real cluster (discovery, master"
              + " election), e.g. 3 (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--heap",
      defaultValue = "512m",
      converter = Converters.HeapSize.class,
      description = "Heap of each node (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--setting", description = "Extra node setting key=value; repeatable.")
  Map<String, String> settings = Map.of();

  @Override
  public Integer call() throws InterruptedException {
    var options = NodeOptions.defaults().withVersion(engineVersion()).withHeap(heap);
    for (var setting : settings.entrySet()) {
      options = options.withSetting(setting.getKey(), setting.getValue());
    }
    if (nodes == 1) {
      runNode(options);
    } else {
      runCluster(options);
    }
    new CountDownLatch(1).await();
    return 0;
  }

  /** The version given for the engine given, or the engine's default. */
  EngineVersion engineVersion() {
    return engine.engineVersion(spec.commandLine());
  }

  private static void runNode(NodeOptions options) {
    var node = ElasticsearchNode.start(options);
    System.out.println(node.url());
    System.out.printf(
        "%s is green after %.1f s (home %s). Ctrl-C stops it and deletes its data.%n",
        node.version().displayName(), node.startDuration().toMillis() / 1000.0, node.home());
    System.out.flush();
  }

  private void runCluster(NodeOptions options) {
    var cluster = ElasticsearchCluster.start(options, nodes);
    System.out.println(cluster.urls().stream().map(URI::toString).collect(Collectors.joining(",")));
    System.out.printf(
        "A cluster of %d %s nodes is green after %.1f s; master: %s.%n",
        nodes,
        cluster.version().displayName(),
        cluster.startDuration().toMillis() / 1000.0,
        cluster.master().map(node -> node.name()).orElse("(electing)"));
    for (var node : cluster.nodes()) {
      System.out.printf("  %s %s (home %s)%n", node.name(), node.url(), node.home());
    }
    System.out.println("Ctrl-C stops them and deletes their data.");
    System.out.flush();
  }
}
