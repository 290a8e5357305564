package dev.sightline.it.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reverse proxy that serves a node under a path, as many do ({@code http://proxy/es/_bulk} →
 * {@code http://node/_bulk}): requests under the prefix are forwarded without it, any other is
 * answered 404. Records the path of every request it saw.
 */
public final class PathPrefixProxy implements AutoCloseable {

  private final LocalHttpServer server;
  private final URI target;
  private final String prefix;
  private final HttpForwarding forwarding = new HttpForwarding();
  private final List<String> seenPaths = new CopyOnWriteArrayList<>();

  private PathPrefixProxy(URI target, String prefix) throws IOException {
    this.target = target;
    this.prefix = prefix;
    this.server = LocalHttpServer.start(this::handle);
  }

  /**
   * @param prefix the path the node is served under, e.g. {@code /es}
   */
  public static PathPrefixProxy start(URI target, String prefix) throws IOException {
    return new PathPrefixProxy(target, prefix);
  }

  /** The proxy's URL with the prefix: what the exporter is configured with. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.port() + prefix);
  }

  public List<String> seenPaths() {
    return List.copyOf(seenPaths);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var requested = exchange.getRequestURI();
      seenPaths.add(requested.getRawPath());
      if (!requested.getRawPath().startsWith(prefix + "/")) {
        HttpForwarding.answer(exchange, 404, "not_found", "not under " + prefix);
        return;
      }
      var rest = requested.toString().substring(prefix.length());
      forwarding.forward(exchange, target.resolve(rest));
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
