package dev.sightline.exporter.store;

import dev.sightline.exporter.config.ConnectConfig;
import dev.sightline.exporter.config.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/**
 * Builds the low-level REST client (one per exporter, i.e. per partition) from the connection
 * settings: hosts, the path prefix of a reverse proxy, authentication (sent as a default header,
 * never logged), timeouts, and the trusted certificate authorities for {@code https}.
 */
public final class ElasticsearchClients {

  private ElasticsearchClients() {}

  public static RestClient create(ConnectConfig connect) {
    var hosts =
        connect.hosts().stream()
            .map(host -> HttpHost.create(host.toString()))
            .toArray(HttpHost[]::new);
    var headers = new ArrayList<Header>();
    connect
        .apiKey()
        .ifPresent(
            key ->
                headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + key.reveal())));
    connect
        .username()
        .ifPresent(
            user -> {
              var password = connect.password().map(secret -> secret.reveal()).orElse("");
              var token =
                  Base64.getEncoder()
                      .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
              headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token));
            });
    var timeoutMillis = (int) Math.min(Integer.MAX_VALUE, connect.requestTimeout().toMillis());
    var builder = RestClient.builder(hosts);
    connect.pathPrefix().ifPresent(builder::setPathPrefix);
    return builder
        .setDefaultHeaders(headers.toArray(Header[]::new))
        .setRequestConfigCallback(
            config -> config.setConnectTimeout(timeoutMillis).setSocketTimeout(timeoutMillis))
        .setHttpClientConfigCallback(http -> http.setSSLContext(TlsTrust.sslContext(connect.tls())))
        .build();
  }

  /**
   * The bulks' {@code timeout}: half the client's socket timeout ({@code connect.requestTimeout}),
   * so a node holding items for an unavailable primary answers ({@code 503} per item, retried)
   * before the client would give up on a request the node is still running.
   */
  public static Duration bulkTimeout(ConnectConfig connect) {
    return connect.requestTimeout().dividedBy(2);
  }
}
