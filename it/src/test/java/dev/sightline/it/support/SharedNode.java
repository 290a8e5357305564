package dev.sightline.it.support;

import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.es.NodeOptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One node per engine version per test JVM, kept in the root store and stopped when the test run
 * ends.
 */
@SuppressWarnings(
    "deprecation") // CloseableResource: still how JUnit 5.14 closes stored values everywhere
final class SharedNode implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedNode.class);

  private final ElasticsearchNode node;

  private SharedNode(ElasticsearchNode node) {
    this.node = node;
  }

  static ElasticsearchNode of(ExtensionContext context, EngineVersion version) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "node-" + version.id(),
            key ->
                new SharedNode(
                    ElasticsearchNode.start(NodeOptions.defaults().withVersion(version))),
            SharedNode.class)
        .node;
  }

  @Override
  public void close() {
    node.close();
  }
}
