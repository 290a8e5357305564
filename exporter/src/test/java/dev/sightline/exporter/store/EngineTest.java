package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.store.Engine.Product;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

  @Test
  void shouldTellOpenSearchByItsDistribution() {
    // given: OpenSearch 2.19.6's answer to GET / (no X-Elastic-Product)
    var body =
        Map.<String, Object>of(
            "version",
            Map.of("distribution", "opensearch", "number", "2.19.6"),
            "tagline",
            "The OpenSearch Project: https://opensearch.org/");

    // when
    var engine = Engine.of(200, body, false);

    // then
    assertThat(engine).isEqualTo(new Engine(Product.OPENSEARCH, "2.19.6"));
    assertThat(engine).hasToString("OpenSearch 2.19.6");
  }

  @Test
  void shouldTellElasticsearchByItsVersionWithoutDistribution() {
    // given
    var body =
        Map.<String, Object>of(
            "version", Map.of("number", "9.5.3"), "tagline", "You Know, for Search");

    // when
    var engine = Engine.of(200, body, true);

    // then
    assertThat(engine).isEqualTo(new Engine(Product.ELASTICSEARCH, "9.5.3"));
  }

  @Test
  void shouldTellElasticsearchByItsHeaderWhenGetRootIsRefused() {
    // given: no monitor privilege (403), or a node without the main action (405)

    // when
    var engine = Engine.of(405, Map.of(), Engine.elasticProduct("Elasticsearch"));

    // then
    assertThat(engine).isEqualTo(new Engine(Product.ELASTICSEARCH, null));
    assertThat(engine).hasToString("Elasticsearch (version not disclosed)");
  }

  @Test
  void shouldSayUnknownWhenNothingTellsTheEngine() {
    // given: a 401 of OpenSearch's security plugin, or a proxy's answer

    // when
    var engine = Engine.of(401, Map.of(), Engine.elasticProduct(null));

    // then
    assertThat(engine.product()).isEqualTo(Product.UNKNOWN);
  }
}
