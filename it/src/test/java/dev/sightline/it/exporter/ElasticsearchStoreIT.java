package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.BulkLines;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import dev.sightline.exporter.store.ElasticsearchStore;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.Test;

/**
 * The store against a real node: schema, partial upserts, split bulks, grouped rejections, purge.
 */
@RealEngines
class ElasticsearchStoreIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ElasticsearchStore store(EngineTarget es, long maxRequestBytes) {
    var config =
        ConfigParser.parse(
            Map.of(
                "connect",
                Map.of("url", es.url().toString()),
                "index",
                Map.of("prefix", es.indexPrefix())));
    var schema = new ReadModelSchema(es.indexPrefix(), 1, 0);
    return new ElasticsearchStore(
        ElasticsearchClients.create(config.connect()), schema, maxRequestBytes);
  }

  private static List<PendingDocument> documents(
      String index, Map<String, Map<String, Object>> byId) {
    var batch = new Batch();
    byId.forEach((id, fields) -> batch.merge(new DocumentKey(index, id), fields));
    return batch.documents();
  }

  private static String processInstanceIndex(EngineTarget es) {
    return ProcessInstanceIndex.DESCRIPTOR.indexName(es.indexPrefix());
  }

  @Test
  void shouldCreateTheSchemaIdempotentlyWithStrictMappings(EngineTarget es) throws IOException {
    try (var store = store(es, 1 << 20);
        var client = EngineClient.open(es.url())) {
      // when created twice
      store.ensureSchema();
      store.ensureSchema();

      // then every index exists with its explicit mapping
      var index = processInstanceIndex(es);
      var mapping = client.mappings(index);
      assertThat(mapping).containsEntry("dynamic", "strict");
      assertThat((Map<String, Object>) mapping.get("properties"))
          .containsKeys("key", "treePath", "state", "startDate", "incident");
      assertThat(client.field(index, "treePath")).containsEntry("type", "keyword");
      var template = ProcessInstanceIndex.DESCRIPTOR.templateName(es.indexPrefix());
      assertThat(
              (List<?>)
                  client.call("GET", "/_index_template/" + template, null).get("index_templates"))
          .hasSize(1);
    }
  }

  @Test
  void shouldMergePartialDocumentsWrittenByDifferentBatches(EngineTarget es) {
    try (var store = store(es, 1 << 20)) {
      store.ensureSchema();
      var index = processInstanceIndex(es);

      // when the start and the end of an instance arrive in two batches
      store.write(
          documents(
              index,
              Map.of(
                  "1",
                  Map.of("key", 1, "state", "ACTIVE", "startDate", "2026-11-28T03:00:00.000Z"))));
      store.write(
          documents(
              index,
              Map.of("1", Map.of("state", "COMPLETED", "endDate", "2026-11-28T03:00:01.000Z"))));

      // then the document holds both (read in real time, no refresh)
      assertThat(store.get(index, "1"))
          .contains(
              Map.of(
                  "key", 1,
                  "state", "COMPLETED",
                  "startDate", "2026-11-28T03:00:00.000Z",
                  "endDate", "2026-11-28T03:00:01.000Z"));
      assertThat(store.get(index, "2")).isEmpty();
    }
  }

  @Test
  void shouldFindNothingInAnIndexThatDoesNotExist(EngineTarget es) {
    try (var store = store(es, 1 << 20)) {
      // given no schema: Elasticsearch answers 404 index_not_found_exception

      // when / then a real-time read finds nothing instead of failing
      assertThat(store.get(processInstanceIndex(es), "1")).isEmpty();
    }
  }

  @Test
  void shouldIndexAWholeDocumentAndMergeAPartialOneIntoIt(EngineTarget es) {
    try (var store = store(es, 1 << 20)) {
      store.ensureSchema();
      var index = processInstanceIndex(es);
      // given a document with a field the next whole write does not have
      store.write(
          documents(index, Map.of("1", Map.of("key", 1, "state", "ACTIVE", "incident", true))));

      // when it is written whole (its creation was in the batch), then changed by a partial update
      var whole = new Batch();
      whole.create(new DocumentKey(index, "1"), Map.of("key", 1, "state", "ACTIVE"));
      store.write(whole.documents());
      store.write(documents(index, Map.of("1", Map.of("state", "COMPLETED"))));

      // then the whole write replaced the document (an index operation), the partial one merged
      // into it
      assertThat(store.get(index, "1")).contains(Map.of("key", 1, "state", "COMPLETED"));
    }
  }

  @Test
  void shouldSplitABulkLargerThanTheRequestLimitAndWriteEveryDocument(EngineTarget es)
      throws IOException {
    try (var store = store(es, 300);
        var client = EngineClient.open(es.url())) {
      store.ensureSchema();
      var index = processInstanceIndex(es);
      var byId = new java.util.TreeMap<String, Map<String, Object>>();
      for (int i = 0; i < 200; i++) {
        byId.put(
            Integer.toString(i),
            Map.of("key", i, "bpmnProcessId", "process-" + "x".repeat(40) + i));
      }

      // when 200 documents of ~80 bytes go through a 300-byte request limit
      store.write(documents(index, byId));

      // then all are there
      client.refresh(index);
      assertThat(client.count(index)).isEqualTo(200);
    }
  }

  @Test
  void shouldReportRejectedItemsGroupedByErrorTypeAndWriteTheRest(EngineTarget es) {
    try (var store = store(es, 1 << 20)) {
      store.ensureSchema();
      var index = processInstanceIndex(es);
      var byId = new java.util.TreeMap<String, Map<String, Object>>();
      byId.put("ok-1", Map.of("key", 1));
      byId.put("ok-2", Map.of("key", 2));
      for (int i = 0; i < 3; i++) {
        byId.put("unknown-field-" + i, Map.of("noSuchField", i));
      }
      for (int i = 0; i < 2; i++) {
        byId.put("not-a-number-" + i, Map.of("key", "abc"));
      }

      // when / then
      assertThatThrownBy(() -> store.write(documents(index, byId)))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> {
                var failures = e.itemFailures().orElseThrow();
                assertThat(failures.total()).isEqualTo(5);
                assertThat(failures.byType().get("strict_dynamic_mapping_exception").count())
                    .isEqualTo(3);
                assertThat(failures.byType().values().stream().mapToInt(g -> g.count()).sum())
                    .isEqualTo(5);
                assertThat(e.getMessage())
                    .contains("5 bulk item(s) rejected")
                    .contains("strict_dynamic_mapping_exception x3");
              });
      assertThat(store.get(index, "ok-1")).isPresent();
      assertThat(store.get(index, "ok-2")).isPresent();
    }
  }

  @Test
  void shouldPurgeEverythingIdempotently(EngineTarget es) throws IOException {
    try (var store = store(es, 1 << 20);
        var client = EngineClient.open(es.url())) {
      store.ensureSchema();
      store.purge();
      store.purge();

      assertThat(client.exists(processInstanceIndex(es))).isFalse();
      var template = ProcessInstanceIndex.DESCRIPTOR.templateName(es.indexPrefix());
      assertThat(
              client
                  .lowLevel()
                  .performRequest(new Request("HEAD", "/_index_template/" + template))
                  .getStatusLine()
                  .getStatusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void shouldFailWithAClearMessageWhenElasticsearchIsUnreachable(EngineTarget es) throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var config =
        ConfigParser.parse(
            Map.of(
                "connect",
                Map.of("url", "http://127.0.0.1:" + closedPort, "requestTimeout", "2s")));
    try (var store =
        new ElasticsearchStore(
            ElasticsearchClients.create(config.connect()),
            new ReadModelSchema(es.indexPrefix(), 1, 0),
            1 << 20)) {
      assertThatThrownBy(store::ensureSchema)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("unreachable");
    }
  }

  @Test
  void shouldHearAnUnavailablePrimaryRefusedBeforeTheClientGivesUp(EngineTarget es)
      throws Exception {
    // given a client that gives up after 6 s and an index whose primary cannot be assigned
    var connect =
        ConfigParser.parse(
                Map.of("connect", Map.of("url", es.url().toString(), "requestTimeout", "6s")))
            .connect();
    var index = processInstanceIndex(es);
    try (var client = EngineClient.open(es.url());
        var store =
            new ElasticsearchStore(
                ElasticsearchClients.create(connect),
                new ReadModelSchema(es.indexPrefix(), 1, 0),
                1 << 20,
                ElasticsearchClients.bulkTimeout(connect))) {
      client.call(
          "PUT",
          "/" + index + "?wait_for_active_shards=0",
          Map.of(
              "settings",
              Map.of(
                  "index.number_of_replicas",
                  0,
                  "index.routing.allocation.require._name",
                  "no-such-node")));

      // when a document is written to it
      var items =
          documents(index, Map.of("1", Map.of("key", 1))).stream().map(BulkLines::of).toList();
      var failures = store.bulk(items, false).get(30, TimeUnit.SECONDS);

      // then the node answers (the bulk's timeout is half the client's), refusing the item for now:
      // without it the node holds the item a minute and the client gives up, not knowing why
      assertThat(failures.items())
          .singleElement()
          .satisfies(
              item -> {
                assertThat(item.status()).isEqualTo(503);
                assertThat(item.type()).isEqualTo("unavailable_shards_exception");
                assertThat(item.handling()).isEqualTo(Handling.RETRY);
              });
    }
  }
}
