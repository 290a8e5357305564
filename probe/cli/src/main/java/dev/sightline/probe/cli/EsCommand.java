package dev.sightline.probe.cli;

import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.ElasticsearchVersion;
import dev.sightline.probe.es.NodeOptions;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sightline es}: starts a real node, prints its URL and keeps it up until Ctrl-C. */
@Command(
    name = "es",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a real Elasticsearch node in its own JVM and prints its URL (first line) until Ctrl-C.",
      "Ctrl-C stops the node and deletes its data folder."
    })
final class EsCommand implements Callable<Integer> {

  @Option(
      names = "--es-version",
      defaultValue = "9.5.3",
      converter = Converters.EsVersion.class,
      description = "Elasticsearch version: 9.5.3 or 8.19.21 (default: ${DEFAULT-VALUE}).")
  ElasticsearchVersion version;

  @Option(
      names = "--heap",
      defaultValue = "512m",
      converter = Converters.HeapSize.class,
      description = "Node heap (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--setting", description = "Extra node setting key=value; repeatable.")
  Map<String, String> settings = Map.of();

  @Override
  public Integer call() throws InterruptedException {
    var options = NodeOptions.defaults().withVersion(version).withHeap(heap);
    for (var setting : settings.entrySet()) {
      options = options.withSetting(setting.getKey(), setting.getValue());
    }
    var node = ElasticsearchNode.start(options);
    System.out.println(node.url());
    System.out.printf(
        "Elasticsearch %s is green after %.1f s (home %s). Ctrl-C stops it and deletes its data.%n",
        node.version(), node.startDuration().toMillis() / 1000.0, node.home());
    System.out.flush();
    new CountDownLatch(1).await();
    return 0;
  }
}
