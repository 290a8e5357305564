package dev.sightline.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A user without one privilege, as a secured node answers it (the embedded node has no security
 * module): requests to one API ({@code /_refresh}) get 403 {@code security_exception}, every other
 * is forwarded to the node.
 */
public final class UnprivilegedProxy implements AutoCloseable {

  private final HttpServer server;
  private final URI target;
  private final String refusedApi;
  private final HttpForwarding forwarding = new HttpForwarding();

  private UnprivilegedProxy(HttpServer server, URI target, String refusedApi) {
    this.server = server;
    this.target = target;
    this.refusedApi = refusedApi;
  }

  /**
   * @param refusedApi the last path segment of the refused API, e.g. {@code _refresh}
   */
  public static UnprivilegedProxy start(URI target, String refusedApi) throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    var proxy = new UnprivilegedProxy(server, target, refusedApi);
    server.createContext("/", proxy::handle);
    server.start();
    return proxy;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var requested = exchange.getRequestURI();
      if (requested.getRawPath().endsWith("/" + refusedApi)) {
        HttpForwarding.answer(
            exchange,
            403,
            "security_exception",
            "action [" + refusedApi + "] is unauthorized for user [exporter]");
        return;
      }
      forwarding.forward(exchange, target.resolve(requested.toString()));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
