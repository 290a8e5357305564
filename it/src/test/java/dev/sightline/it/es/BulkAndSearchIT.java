package dev.sightline.it.es;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.sightline.it.support.EsClients;
import dev.sightline.it.support.EsTarget;
import dev.sightline.it.support.RealElasticsearch;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, through elasticsearch-java: template, bulk, refresh, search and counts on a
 * real node.
 */
@RealElasticsearch
class BulkAndSearchIT {

  private static final int DOCUMENTS = 10_000;
  private static final int CATEGORIES = 10;

  record Doc(long key, String category, String name, boolean even, long timestamp) {}

  @Test
  void shouldIndexTenThousandDocumentsThroughATemplateAndFindThemExactly(EsTarget es)
      throws IOException {
    try (ElasticsearchClient client = EsClients.open(es.url())) {
      // given a composable template with explicit mappings for this test's prefix
      var index = es.index("docs");
      client
          .indices()
          .putIndexTemplate(
              t ->
                  t.name(es.indexPrefix() + "-template")
                      .indexPatterns(es.indexPrefix() + "-*")
                      .template(
                          tt ->
                              tt.settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                                  .mappings(
                                      m ->
                                          m.dynamic(
                                                  co.elastic.clients.elasticsearch._types.mapping
                                                      .DynamicMapping.Strict)
                                              .properties("key", p -> p.long_(l -> l))
                                              .properties("category", p -> p.keyword(k -> k))
                                              .properties("name", p -> p.text(x -> x))
                                              .properties("even", p -> p.boolean_(b -> b))
                                              .properties("timestamp", p -> p.date(d -> d)))));

      // when 10,000 documents are bulk-indexed and the index refreshed
      var bulk = new BulkRequest.Builder().index(index);
      for (int i = 0; i < DOCUMENTS; i++) {
        var doc =
            new Doc(
                i,
                "c" + (i % CATEGORIES),
                "document number " + i,
                i % 2 == 0,
                1_700_000_000_000L + i);
        bulk.operations(op -> op.index(ix -> ix.id(Long.toString(doc.key())).document(doc)));
      }
      var response = client.bulk(bulk.build());
      client.indices().refresh(r -> r.index(index));

      // then every item succeeded, the template's mappings apply, and counts are exact
      assertThat(response.errors())
          .as(
              "bulk errors: %s",
              response.items().stream()
                  .map(BulkResponseItem::error)
                  .filter(e -> e != null)
                  .limit(3)
                  .toList())
          .isFalse();
      assertThat(response.items()).hasSize(DOCUMENTS);

      Map<String, Property> mapping =
          client.indices().getMapping(g -> g.index(index)).get(index).mappings().properties();
      assertThat(mapping.get("category").isKeyword()).isTrue();
      assertThat(mapping.get("key").isLong()).isTrue();
      assertThat(mapping.get("timestamp").isDate()).isTrue();

      assertThat(client.count(c -> c.index(index)).count()).isEqualTo(DOCUMENTS);
      var c3 =
          client.search(
              s ->
                  s.index(index)
                      .trackTotalHits(t -> t.enabled(true))
                      .size(0)
                      .query(q -> q.term(t -> t.field("category").value("c3"))),
              Doc.class);
      assertThat(c3.hits().total().value()).isEqualTo(DOCUMENTS / CATEGORIES);

      var one =
          client.search(
              s ->
                  s.index(index)
                      .query(q -> q.term(t -> t.field("key").value(FieldValue.of(4242L)))),
              Doc.class);
      assertThat(one.hits().hits())
          .singleElement()
          .satisfies(
              hit -> {
                assertThat(hit.id()).isEqualTo("4242");
                assertThat(hit.source())
                    .isEqualTo(
                        new Doc(4242, "c2", "document number 4242", true, 1_700_000_004_242L));
              });

      var evenInC4 =
          client.count(
              c ->
                  c.index(index)
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(f -> f.term(t -> t.field("category").value("c4")))
                                          .filter(f -> f.term(t -> t.field("even").value(true))))));
      assertThat(evenInC4.count()).as("c4 holds only even keys").isEqualTo(DOCUMENTS / CATEGORIES);

      var byCategory =
          client.search(
              s ->
                  s.index(index)
                      .size(0)
                      .aggregations(
                          "categories", a -> a.terms(t -> t.field("category").size(CATEGORIES))),
              Void.class);
      var buckets = byCategory.aggregations().get("categories").sterms().buckets().array();
      assertThat(buckets)
          .hasSize(CATEGORIES)
          .allSatisfy(bucket -> assertThat(bucket.docCount()).isEqualTo(DOCUMENTS / CATEGORIES));
    }
  }

  @Test
  void shouldGiveEachTestItsOwnIndexPrefix(EsTarget es) throws IOException {
    try (ElasticsearchClient client = EsClients.open(es.url())) {
      // when this test lists the indices under its prefix
      var mine = client.indices().get(g -> g.index(es.indexPrefix() + "-*").allowNoIndices(true));

      // then it sees none: the other test's documents live under another prefix
      assertThat(es.indexPrefix())
          .matches("it-\\d+-v[89]-should-give-each-test-its-own-index-pref");
      assertThat(mine.result()).isEmpty();
    }
  }
}
