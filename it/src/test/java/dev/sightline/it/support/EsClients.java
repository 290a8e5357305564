package dev.sightline.it.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** elasticsearch-java 8.19 clients for tests; it speaks to 9.x nodes through REST compatibility. */
public final class EsClients {

  private EsClients() {}

  /** A client whose {@code close()} closes its transport. */
  public static ElasticsearchClient open(URI url) {
    var restClient = RestClient.builder(HttpHost.create(url.toString())).build();
    return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
  }
}
