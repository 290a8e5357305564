package dev.sightline.it.exporter;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.sightline.it.support.EngineClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every document of an index, by id, with numbers normalized to long (also inside lists) so maps
 * compare exactly.
 */
final class ReadModelDocuments {

  private ReadModelDocuments() {}

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> all(ElasticsearchClient client, String index)
      throws IOException {
    client.indices().refresh(r -> r.index(index));
    var response = client.search(s -> s.index(index).size(10_000), Map.class);
    var byId = new TreeMap<String, Map<String, Object>>();
    for (var hit : response.hits().hits()) {
      byId.put(hit.id(), normalize((Map<String, Object>) hit.source()));
    }
    return byId;
  }

  /** The same through the client that works on every engine. */
  static Map<String, Map<String, Object>> all(EngineClient client, String index) {
    client.refresh(index);
    var byId = new TreeMap<String, Map<String, Object>>();
    for (var hit : client.search(index, "{\"size\":10000}")) {
      byId.put(hit.id(), normalize(hit.source()));
    }
    return byId;
  }

  /** Documents of a store double ({@code InMemoryStore}), normalized the same way. */
  static Map<String, Map<String, Object>> normalizeAll(Map<String, Map<String, Object>> documents) {
    var byId = new TreeMap<String, Map<String, Object>>();
    documents.forEach((id, document) -> byId.put(id, normalize(document)));
    return byId;
  }

  static Map<String, Object> normalize(Map<String, Object> document) {
    var normalized = new TreeMap<String, Object>();
    document.forEach((field, value) -> normalized.put(field, normalizeValue(value)));
    return normalized;
  }

  @SuppressWarnings("unchecked")
  private static Object normalizeValue(Object value) {
    return switch (value) {
      case Number number -> number.longValue();
      case List<?> list -> list.stream().map(ReadModelDocuments::normalizeValue).toList();
      case Map<?, ?> map -> normalize((Map<String, Object>) map);
      case null, default -> value;
    };
  }
}
