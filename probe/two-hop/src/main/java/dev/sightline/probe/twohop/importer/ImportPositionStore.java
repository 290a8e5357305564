package dev.sightline.probe.twohop.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.BulkLines;
import dev.sightline.exporter.store.BulkRequests;
import dev.sightline.exporter.store.DocumentReader;
import dev.sightline.exporter.store.RestCalls;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.StoreFactory;
import java.util.Collection;
import java.util.Map;
import org.elasticsearch.client.RestClient;

/**
 * Import positions in Elasticsearch or OpenSearch: one document per (partition, alias), id {@code
 * <partition>-<alias>}, the {@link ImportPosition} as JSON. Reads go through the importer's
 * document reader, writes are a bulk of {@code index} operations.
 */
final class ImportPositionStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MAPPINGS =
      """
      {"properties":{"aliasName":{"type":"keyword"},"partitionId":{"type":"integer"},"position":{"type":"long"},
       "sequence":{"type":"long"},"indexName":{"type":"keyword"},"completed":{"type":"boolean"}}}
      """;

  private final RestClient client;
  private final DocumentReader documents;
  private final String index;

  ImportPositionStore(RestClient client, DocumentReader documents, String index) {
    this.client = client;
    this.documents = documents;
    this.index = index;
  }

  void ensureIndex() {
    RestCalls.createIndexIfMissing(client, index, "{\"mappings\":" + MAPPINGS + "}");
  }

  ImportPosition load(String aliasName, int partitionId) {
    var start = ImportPosition.start(aliasName, partitionId);
    return documents.get(index, start.id()).map(source -> of(start, source)).orElse(start);
  }

  /** A saved position from its document's source. */
  static ImportPosition of(ImportPosition start, Map<String, Object> source) {
    return new ImportPosition(
        start.aliasName(),
        start.partitionId(),
        ((Number) source.get("position")).longValue(),
        ((Number) source.get("sequence")).longValue(),
        String.valueOf(source.get("indexName")),
        Boolean.TRUE.equals(source.get("completed")));
  }

  void save(Collection<ImportPosition> positions) {
    if (positions.isEmpty()) {
      return;
    }
    var items =
        positions.stream()
            .map(position -> BulkLines.index(index, position.id(), null, json(position)))
            .toList();
    BulkRequests.send(client, items, StoreFactory.MAX_BULK_REQUEST_BYTES);
  }

  /** The document of a position: its record components. */
  static byte[] json(ImportPosition position) {
    try {
      return JSON.writeValueAsBytes(position);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialize import position " + position.id(), e);
    }
  }
}
