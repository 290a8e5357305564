package dev.sightline.probe.es;

import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;

/**
 * The Elasticsearch a command runs against: the one at a given URL, left as it is on close, or an
 * embedded node started for the command and stopped (its data deleted) on close.
 */
public final class ElasticsearchLease implements AutoCloseable {

  private final URI url;
  private final ElasticsearchNode node;

  private ElasticsearchLease(URI url, ElasticsearchNode node) {
    this.url = url;
    this.node = node;
  }

  /**
   * Uses {@code given} if present, else starts a node of {@code version} with {@code heap}, telling
   * {@code out}.
   */
  public static ElasticsearchLease of(
      Optional<URI> given, EngineVersion version, String heap, PrintStream out) {
    if (given.isPresent()) {
      return new ElasticsearchLease(given.get(), null);
    }
    out.printf("Starting %s…%n", version.displayName());
    var node = ElasticsearchNode.start(NodeOptions.defaults().withVersion(version).withHeap(heap));
    out.printf(
        "%s at %s (green after %.1f s)%n",
        node.version().displayName(), node.url(), node.startDuration().toMillis() / 1000.0);
    return new ElasticsearchLease(node.url(), node);
  }

  public URI url() {
    return url;
  }

  /** The version of the node this lease started; empty for a given URL. */
  public Optional<EngineVersion> embeddedVersion() {
    return Optional.ofNullable(node).map(ElasticsearchNode::version);
  }

  @Override
  public void close() {
    if (node != null) {
      node.close();
    }
  }
}
