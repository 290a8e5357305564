package dev.sightline.exporter.store;

import java.util.Map;
import java.util.Optional;

/**
 * Creates the read model's templates and indices before the first write or read, and again after
 * Elasticsearch said an index is missing (deleted while {@code action.auto_create_index} is false).
 * A failure leaves it to the next write or read: Elasticsearch may start after the exporter. Not
 * thread-safe (exporter thread).
 */
public final class SchemaCheck {

  private final DocumentStore store;
  private boolean ready;

  public SchemaCheck(DocumentStore store) {
    this.store = store;
  }

  /** Creates the schema unless it was created since the last {@link #lost}. */
  public void ensure() {
    if (!ready) {
      store.ensureSchema();
      ready = true;
    }
  }

  /** An index of the schema is missing: the next {@link #ensure} creates the schema again. */
  public void lost() {
    ready = false;
  }

  /** Reads through the store once the schema exists. */
  public DocumentReader reader() {
    return this::get;
  }

  private Optional<Map<String, Object>> get(String index, String id) {
    ensure();
    return store.get(index, id);
  }
}
