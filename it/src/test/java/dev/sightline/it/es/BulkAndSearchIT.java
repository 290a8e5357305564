package dev.sightline.it.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.es.Engine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, through the tests' {@link EngineClient}: template, bulk, refresh, search,
 * counts and aggregations on a real node of each engine.
 */
@RealEngines
class BulkAndSearchIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DOCUMENTS = 10_000;
  private static final int CATEGORIES = 10;

  record Doc(long key, String category, String name, boolean even, long timestamp) {}

  @Test
  @SuppressWarnings("unchecked")
  void shouldIndexTenThousandDocumentsThroughATemplateAndFindThemExactly(EngineTarget engine) {
    try (var client = EngineClient.open(engine.url())) {
      // given a composable template with explicit mappings for this test's prefix
      var index = engine.index("docs");
      client.call(
          "PUT",
          "/_index_template/" + engine.indexPrefix() + "-template",
          Map.of(
              "index_patterns",
              List.of(engine.indexPrefix() + "-*"),
              "template",
              Map.of(
                  "settings",
                  Map.of("number_of_shards", 1, "number_of_replicas", 0),
                  "mappings",
                  Map.of(
                      "dynamic",
                      "strict",
                      "properties",
                      Map.of(
                          "key", Map.of("type", "long"),
                          "category", Map.of("type", "keyword"),
                          "name", Map.of("type", "text"),
                          "even", Map.of("type", "boolean"),
                          "timestamp", Map.of("type", "date"))))));

      // when 10,000 documents are bulk-indexed, visible to search
      var documents = new LinkedHashMap<String, Doc>();
      for (int i = 0; i < DOCUMENTS; i++) {
        var doc =
            new Doc(
                i,
                "c" + (i % CATEGORIES),
                "document number " + i,
                i % 2 == 0,
                1_700_000_000_000L + i);
        documents.put(Long.toString(doc.key()), doc);
      }
      var response = client.bulkIndex(index, documents);

      // then every item succeeded, the template's mappings apply, and counts are exact
      var items = (List<Map<String, Map<String, Object>>>) response.get("items");
      assertThat(response.get("errors"))
          .as(
              "bulk errors: %s",
              items.stream()
                  .map(item -> item.get("index").get("error"))
                  .filter(error -> error != null)
                  .limit(3)
                  .toList())
          .isEqualTo(false);
      assertThat(items).hasSize(DOCUMENTS);

      assertThat(client.field(index, "category")).containsEntry("type", "keyword");
      assertThat(client.field(index, "key")).containsEntry("type", "long");
      assertThat(client.field(index, "timestamp")).containsEntry("type", "date");

      assertThat(client.count(index)).isEqualTo(DOCUMENTS);
      var c3 =
          client.searchAnswer(
              index,
              """
              {"size": 0, "track_total_hits": true, "query": {"term": {"category": "c3"}}}""");
      var total = (Map<String, Object>) ((Map<String, Object>) c3.get("hits")).get("total");
      assertThat(((Number) total.get("value")).longValue()).isEqualTo(DOCUMENTS / CATEGORIES);

      var one = client.search(index, "{\"query\": {\"term\": {\"key\": 4242}}}");
      assertThat(one)
          .singleElement()
          .satisfies(
              hit -> {
                assertThat(hit.id()).isEqualTo("4242");
                assertThat(JSON.convertValue(hit.source(), Doc.class))
                    .isEqualTo(
                        new Doc(4242, "c2", "document number 4242", true, 1_700_000_004_242L));
              });

      var evenInC4 =
          client.count(
              index,
              """
              {"bool": {"filter": [{"term": {"category": "c4"}}, {"term": {"even": true}}]}}""");
      assertThat(evenInC4).as("c4 holds only even keys").isEqualTo(DOCUMENTS / CATEGORIES);

      var byCategory =
          client.searchAnswer(
              index,
              """
              {"size": 0, "aggs": {"categories": {"terms": {"field": "category", "size": %d}}}}"""
                  .formatted(CATEGORIES));
      var categories =
          (Map<String, Object>)
              ((Map<String, Object>) byCategory.get("aggregations")).get("categories");
      var buckets = (List<Map<String, Object>>) categories.get("buckets");
      assertThat(buckets)
          .hasSize(CATEGORIES)
          .allSatisfy(
              bucket ->
                  assertThat(((Number) bucket.get("doc_count")).longValue())
                      .isEqualTo(DOCUMENTS / CATEGORIES));
    }
  }

  @Test
  void shouldGiveEachTestItsOwnIndexPrefix(EngineTarget engine) {
    try (var client = EngineClient.open(engine.url())) {
      // when this test lists the indices under its prefix
      var mine = client.indices(engine.indexPrefix() + "-*");

      // then it sees none: the other test's documents live under another prefix
      var engineAndMajor =
          (engine.version().engine() == Engine.OPENSEARCH ? "os" : "v") + engine.version().major();
      assertThat(engine.indexPrefix())
          .matches("it-\\d+-" + engineAndMajor + "-should-give-each-test-its-own-index-pref");
      assertThat(mine).isEmpty();
    }
  }
}
