package dev.sightline.exporter.definition;

import dev.sightline.exporter.util.LruCache;
import java.util.Optional;

/**
 * The processes this exporter has seen deployed, bounded. A miss is normal (deployed before the exporter's
 * history, or on another partition); callers then use their documented fallback.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
public final class ProcessDefinitions {

  private final LruCache<Long, DeployedProcess> byKey;

  public ProcessDefinitions(int maxEntries) {
    this.byKey = new LruCache<>(maxEntries);
  }

  public void add(DeployedProcess process) {
    byKey.put(process.processDefinitionKey(), process);
  }

  public Optional<DeployedProcess> find(long processDefinitionKey) {
    return byKey.get(processDefinitionKey);
  }
}
