package dev.sightline.exporter.store;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Creates the read model's templates and indices before the first write or read, and again after
 * Elasticsearch said an index is missing (deleted while {@code action.auto_create_index} is false).
 * A failure leaves it to the next write or read: Elasticsearch may start after the exporter. Not
 * thread-safe (exporter thread).
 */
public final class SchemaCheck {

  private final DocumentStore store;
  private final Logger log;
  private boolean ready;
  private boolean told;

  public SchemaCheck(DocumentStore store, Logger log) {
    this.store = store;
    this.log = log;
  }

  /** Creates the schema unless it was created since the last {@link #lost}. */
  public void ensure() {
    if (!ready) {
      store.ensureSchema();
      ready = true;
      if (!told) {
        told = true;
        store.engine().ifPresent(engine -> log.info("Read model schema ready on {}", engine));
      }
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
