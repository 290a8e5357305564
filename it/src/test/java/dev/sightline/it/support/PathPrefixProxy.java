package dev.sightline.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reverse proxy that serves a node under a path, as many do ({@code http://proxy/es/_bulk} →
 * {@code http://node/_bulk}): requests under the prefix are forwarded without it, any other is
 * answered 404. Records the path of every request it saw.
 */
public final class PathPrefixProxy implements AutoCloseable {

  private final HttpServer server;
  private final URI target;
  private final String prefix;
  private final HttpForwarding forwarding = new HttpForwarding();
  private final List<String> seenPaths = new CopyOnWriteArrayList<>();

  private PathPrefixProxy(HttpServer server, URI target, String prefix) {
    this.server = server;
    this.target = target;
    this.prefix = prefix;
  }

  /**
   * @param prefix the path the node is served under, e.g. {@code /es}
   */
  public static PathPrefixProxy start(URI target, String prefix) throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    var proxy = new PathPrefixProxy(server, target, prefix);
    server.createContext("/", proxy::handle);
    server.start();
    return proxy;
  }

  /** The proxy's URL with the prefix: what the exporter is configured with. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
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
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
