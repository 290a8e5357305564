package dev.sightline.probe.es;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Elasticsearch a command runs against: the nodes at given URLs, left as they are on close, or
 * an embedded node or cluster started for the command and stopped (its data deleted) on close.
 */
public final class ElasticsearchLease implements AutoCloseable {

  private final List<URI> urls;
  private final EngineVersion embeddedVersion;
  private final Runnable stop;

  private ElasticsearchLease(List<URI> urls, EngineVersion embeddedVersion, Runnable stop) {
    this.urls = List.copyOf(urls);
    this.embeddedVersion = embeddedVersion;
    this.stop = stop;
  }

  /**
   * Uses the nodes {@code given} if there are any, else starts {@code nodes} nodes of {@code
   * version} with {@code heap} each — one node alone, or a cluster ({@link ElasticsearchCluster}) —
   * telling {@code out}.
   *
   * @throws IllegalArgumentException if nothing is given and {@code nodes} is not from 1 to {@link
   *     ElasticsearchCluster#MAX_NODES}
   */
  public static ElasticsearchLease of(
      List<URI> given, EngineVersion version, int nodes, String heap, PrintStream out) {
    if (!given.isEmpty()) {
      return new ElasticsearchLease(given, null, () -> {});
    }
    if (nodes < 1 || nodes > ElasticsearchCluster.MAX_NODES) {
      throw new IllegalArgumentException(
          "nodes must be from 1 to " + ElasticsearchCluster.MAX_NODES + ", but was " + nodes);
    }
    var options = NodeOptions.defaults().withVersion(version).withHeap(heap);
    if (nodes == 1) {
      out.printf("Starting %s…%n", version.displayName());
      var node = ElasticsearchNode.start(options);
      out.printf(
          "%s at %s (green after %.1f s)%n",
          node.version().displayName(), node.url(), node.startDuration().toMillis() / 1000.0);
      return new ElasticsearchLease(List.of(node.url()), node.version(), node::close);
    }
    out.printf("Starting a cluster of %d %s nodes…%n", nodes, version.displayName());
    var cluster = ElasticsearchCluster.start(options, nodes);
    out.printf(
        "%d %s nodes at %s (green after %.1f s)%n",
        nodes,
        cluster.version().displayName(),
        cluster.urls().stream().map(URI::toString).collect(Collectors.joining(",")),
        cluster.startDuration().toMillis() / 1000.0);
    return new ElasticsearchLease(cluster.urls(), cluster.version(), cluster::close);
  }

  /** Every node's HTTP address: the ones given, or the started nodes' in the order of names. */
  public List<URI> urls() {
    return urls;
  }

  /** The version of the nodes this lease started; empty for given URLs. */
  public Optional<EngineVersion> embeddedVersion() {
    return Optional.ofNullable(embeddedVersion);
  }

  @Override
  public void close() {
    stop.run();
  }
}
