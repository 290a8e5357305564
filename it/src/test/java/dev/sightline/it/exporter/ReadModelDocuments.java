package dev.sightline.it.exporter;

import dev.sightline.it.support.EngineClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every document of an index, by id, with numbers normalized to long (also inside lists) so maps
 * compare exactly.
 */
final class ReadModelDocuments {

  private ReadModelDocuments() {}

  /** Refreshes the index first: every document written so far. */
  static Map<String, Map<String, Object>> all(EngineClient client, String index) {
    client.refresh(index);
    var byId = new TreeMap<String, Map<String, Object>>();
    for (var hit : client.searchAll(index)) {
      byId.put(hit.id(), normalize(hit.source()));
    }
    return byId;
  }

  /**
   * Every document an alias (or several indices) shows, by id, refreshed first; a document shown
   * twice (the same id in two of its indices) appears a second time as {@code "<id> (also in
   * <index>)"}, so that a comparison sees it as extra.
   */
  static Map<String, Map<String, Object>> throughAlias(EngineClient client, String alias) {
    client.refresh(alias);
    var byId = new TreeMap<String, Map<String, Object>>();
    for (var hit : client.searchAll(alias)) {
      var key = byId.containsKey(hit.id()) ? hit.id() + " (also in " + hit.index() + ")" : hit.id();
      byId.put(key, normalize(hit.source()));
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
