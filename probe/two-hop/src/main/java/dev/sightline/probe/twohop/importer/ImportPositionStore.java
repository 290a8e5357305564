package dev.sightline.probe.twohop.importer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.sightline.exporter.store.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/**
 * Import positions in Elasticsearch: one document per (partition, alias), id {@code
 * <partition>-<alias>}.
 */
final class ImportPositionStore {

  private static final String MAPPINGS =
      """
      {"properties":{"aliasName":{"type":"keyword"},"partitionId":{"type":"integer"},"position":{"type":"long"},
       "sequence":{"type":"long"},"indexName":{"type":"keyword"},"completed":{"type":"boolean"}}}
      """;

  private final ElasticsearchClient client;
  private final String index;

  ImportPositionStore(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  void ensureIndex() {
    try {
      if (!client.indices().exists(e -> e.index(index)).value()) {
        client
            .indices()
            .create(c -> c.index(index).mappings(m -> m.withJson(new StringReader(MAPPINGS))));
      }
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw new StoreException("create " + index + " failed: " + e.getMessage(), e);
      }
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "create " + index + " failed: Elasticsearch unreachable (" + e + ")", e);
    }
  }

  @SuppressWarnings("rawtypes")
  ImportPosition load(String aliasName, int partitionId) {
    var start = ImportPosition.start(aliasName, partitionId);
    try {
      var response = client.get(g -> g.index(index).id(start.id()), Map.class);
      if (!response.found() || response.source() == null) {
        return start;
      }
      var source = response.source();
      return new ImportPosition(
          aliasName,
          partitionId,
          ((Number) source.get("position")).longValue(),
          ((Number) source.get("sequence")).longValue(),
          String.valueOf(source.get("indexName")),
          Boolean.TRUE.equals(source.get("completed")));
    } catch (IOException | RuntimeException e) {
      throw new StoreException("read import position " + start.id() + " failed: " + e, e);
    }
  }

  void save(Collection<ImportPosition> positions) {
    if (positions.isEmpty()) {
      return;
    }
    try {
      var response =
          client.bulk(
              b ->
                  b.operations(
                      positions.stream()
                          .map(
                              p ->
                                  BulkOperation.of(
                                      op -> op.index(i -> i.index(index).id(p.id()).document(p))))
                          .toList()));
      if (response.errors()) {
        throw new StoreException("saving import positions: some items were rejected", null);
      }
    } catch (IOException | ElasticsearchException e) {
      throw new StoreException("saving import positions failed: " + e, e);
    }
  }
}
