package dev.sightline.exporter.definition;

import dev.sightline.exporter.util.HeapEstimate;
import dev.sightline.exporter.util.LruCache;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The deployed processes other records need, bounded: those this exporter saw deployed, else read
 * through {@link DefinitionLookup} (the pending batch, then the process-definition index, where
 * another partition's exporter may have written it). A definition found nowhere is remembered as
 * missing for {@link #MISS_RETRY_MILLIS}, so records of a process deployed before the exported
 * history cost one lookup per definition and interval, not one per record; callers then use their
 * documented fallback.
 *
 * <p>Both caches are bounded by estimated heap bytes ({@link DeployedProcess#estimatedBytes}): a
 * process with thousands of named elements costs what it weighs, not one entry.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
public final class ProcessDefinitions {

  static final long MISS_RETRY_MILLIS = 10_000;

  /** Definitions found nowhere: about 9,000 of them (a key and a time each). */
  static final long MISSES_BYTES = 1L << 20;

  private final LruCache<Long, DeployedProcess> byKey;
  private final LruCache<Long, Long> missedAtMillis;
  private final DefinitionLookup lookup;
  private final LongSupplier nowMillis;

  /**
   * @param cacheBytes the estimated heap the cached definitions may take
   */
  public ProcessDefinitions(long cacheBytes, DefinitionLookup lookup, LongSupplier nowMillis) {
    this.byKey =
        LruCache.boundedByBytes(
            cacheBytes, (key, process) -> HeapEstimate.BOXED_NUMBER + process.estimatedBytes());
    this.missedAtMillis =
        LruCache.boundedByBytes(MISSES_BYTES, (key, at) -> 2 * HeapEstimate.BOXED_NUMBER);
    this.lookup = lookup;
    this.nowMillis = nowMillis;
  }

  /** Only what was added: no lookup (tests). */
  public ProcessDefinitions(long cacheBytes) {
    this(cacheBytes, DefinitionLookup.NONE, () -> 0);
  }

  public void add(DeployedProcess process) {
    byKey.put(process.processDefinitionKey(), process);
  }

  /**
   * @throws dev.sightline.exporter.store.StoreException if the index cannot be read (the record is
   *     retried)
   */
  public Optional<DeployedProcess> find(long processDefinitionKey) {
    var cached = byKey.get(processDefinitionKey);
    if (cached.isPresent()) {
      return cached;
    }
    var now = nowMillis.getAsLong();
    var missed = missedAtMillis.get(processDefinitionKey);
    if (missed.isPresent() && now - missed.get() < MISS_RETRY_MILLIS) {
      return Optional.empty();
    }
    var found = lookup.processDefinition(processDefinitionKey);
    found.ifPresentOrElse(this::add, () -> missedAtMillis.put(processDefinitionKey, now));
    return found;
  }
}
