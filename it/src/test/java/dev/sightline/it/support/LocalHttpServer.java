package dev.sightline.it.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A test proxy's server: every exchange on 127.0.0.1, a free port, goes to one handler. */
final class LocalHttpServer implements AutoCloseable {

  private final HttpServer server;

  private LocalHttpServer(HttpServer server) {
    this.server = server;
  }

  static LocalHttpServer start(HttpHandler handler) throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", handler);
    server.start();
    return new LocalHttpServer(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
