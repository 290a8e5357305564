package dev.sightline.it.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;

/**
 * A user without one privilege, as a secured node answers it (the embedded node has no security
 * module): requests to one API ({@code /_refresh}) get 403 {@code security_exception}, every other
 * is forwarded to the node.
 */
public final class UnprivilegedProxy implements AutoCloseable {

  private final LocalHttpServer server;
  private final URI target;
  private final String refusedApi;
  private final HttpForwarding forwarding = new HttpForwarding();

  private UnprivilegedProxy(URI target, String refusedApi) throws IOException {
    this.target = target;
    this.refusedApi = refusedApi;
    this.server = LocalHttpServer.start(this::handle);
  }

  /**
   * @param refusedApi the last path segment of the refused API, e.g. {@code _refresh}
   */
  public static UnprivilegedProxy start(URI target, String refusedApi) throws IOException {
    return new UnprivilegedProxy(target, refusedApi);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.port());
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
    server.close();
  }
}
