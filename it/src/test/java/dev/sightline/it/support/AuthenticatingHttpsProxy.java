package dev.sightline.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS in front of a node that has no security module: terminates TLS with a test CA's server
 * certificate, answers 401 unless the {@code Authorization} header is the expected one, and
 * forwards everything else to the node. Records every Authorization header it saw.
 */
public final class AuthenticatingHttpsProxy implements AutoCloseable {

  private final HttpsServer server;
  private final HttpForwarding forwarding = new HttpForwarding();
  private final URI target;
  private final String expectedAuthorization;
  private final List<String> seenAuthorizations = new CopyOnWriteArrayList<>();

  private AuthenticatingHttpsProxy(HttpsServer server, URI target, String expectedAuthorization) {
    this.server = server;
    this.target = target;
    this.expectedAuthorization = expectedAuthorization;
  }

  public static AuthenticatingHttpsProxy start(
      URI target, Path serverKeyStore, String password, String expectedAuthorization)
      throws Exception {
    var keyStore = KeyStore.getInstance(serverKeyStore.toFile(), password.toCharArray());
    var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, password.toCharArray());
    var tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    var server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(Executors.newFixedThreadPool(4));
    var proxy = new AuthenticatingHttpsProxy(server, target, expectedAuthorization);
    server.createContext("/", proxy::handle);
    server.start();
    return proxy;
  }

  public URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<String> seenAuthorizations() {
    return List.copyOf(seenAuthorizations);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var authorization = exchange.getRequestHeaders().getFirst("Authorization");
      seenAuthorizations.add(String.valueOf(authorization));
      if (!expectedAuthorization.equals(authorization)) {
        HttpForwarding.answer(exchange, 401, "security_exception", "unable to authenticate");
        return;
      }
      forwarding.forward(exchange, target.resolve(exchange.getRequestURI().toString()));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
