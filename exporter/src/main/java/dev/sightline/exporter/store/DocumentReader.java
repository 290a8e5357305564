package dev.sightline.exporter.store;

import java.util.Map;
import java.util.Optional;

/** Reads one document in real time: what the handlers' lookups need of the store. */
@FunctionalInterface
public interface DocumentReader {

  /**
   * A document's source, visible before a refresh; empty if the document or its index does not
   * exist. Throws {@link StoreException} when Elasticsearch cannot answer.
   */
  Optional<Map<String, Object>> get(String index, String id);
}
