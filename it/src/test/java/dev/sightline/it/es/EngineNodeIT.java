package dev.sightline.it.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.es.Engine;
import java.io.IOException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every engine version the launcher starts is the real server: it says which product and version it
 * is, and indexes and finds a document. Through the low-level REST client, which (unlike
 * elasticsearch-java) talks to OpenSearch too.
 */
@RealEngines(everyVersion = true)
class EngineNodeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RestClient client;

  @BeforeEach
  void connect(EngineTarget engine) {
    client = RestClient.builder(HttpHost.create(engine.url().toString())).build();
  }

  @AfterEach
  void disconnect() throws IOException {
    client.close();
  }

  @Test
  void shouldAnswerAsTheProductAndVersionItWasStartedFor(EngineTarget engine) throws IOException {
    // when
    var response = client.performRequest(new Request("GET", "/_nodes/_local"));

    // then
    var node = json(response).get("nodes").elements().next();
    assertThat(node.get("version").asText()).isEqualTo(engine.version().number());
    assertThat(response.getHeader("X-Elastic-Product"))
        .as("the header elasticsearch-java insists on: only Elasticsearch sends it")
        .isEqualTo(engine.version().engine() == Engine.ELASTICSEARCH ? "Elasticsearch" : null);
    if (engine.version().engine() == Engine.OPENSEARCH) {
      // Elasticsearch's root endpoint is in a module not published on Maven Central.
      var root = json(client.performRequest(new Request("GET", "/")));
      assertThat(root.at("/version/distribution").asText()).isEqualTo("opensearch");
      assertThat(root.at("/version/number").asText()).isEqualTo(engine.version().number());
    }
  }

  @Test
  void shouldFindADocumentItIndexed(EngineTarget engine) throws IOException {
    // given
    var index = engine.index("docs");
    var put = new Request("PUT", "/" + index + "/_doc/order-1");
    put.addParameter("refresh", "true");
    put.setJsonEntity("{\"customer\":\"ada\",\"amount\":42}");
    assertThat(client.performRequest(put).getStatusLine().getStatusCode()).isEqualTo(201);

    // when
    var search = new Request("POST", "/" + index + "/_search");
    search.setJsonEntity("{\"query\":{\"match\":{\"customer\":\"ada\"}}}");
    var hits = json(client.performRequest(search)).get("hits");

    // then
    assertThat(hits.at("/total/value").asLong()).isEqualTo(1);
    var hit = hits.get("hits").get(0);
    assertThat(hit.get("_id").asText()).isEqualTo("order-1");
    assertThat(hit.at("/_source/amount").asInt()).isEqualTo(42);
  }

  private static JsonNode json(Response response) throws IOException {
    return JSON.readTree(response.getEntity().getContent());
  }
}
