package dev.sightline.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "authorization");

  private final HttpsServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        var body =
            "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate\"},\"status\":401}"
                .getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      var request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .method(
                  exchange.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
              .timeout(Duration.ofSeconds(60));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
              });
      var body = response.body();
      exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
