package dev.sightline.exporter.util;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.ToLongBiFunction;

/**
 * A map that forgets its least recently used entries beyond a budget, so the exporter's memory
 * stays bounded however long the broker runs. The budget is in estimated heap bytes ({@link
 * #boundedByBytes}) where an entry's size varies (a treePath 1,000 call levels deep is 60 KB, a
 * process definition's element names can be more), or in entries ({@link #LruCache(int)}) for sets
 * of small keys only. An entry larger than the whole budget is not kept. Not thread-safe (one
 * exporter thread).
 */
public final class LruCache<K, V> {

  /**
   * Heap per entry besides its key and value: the linked map's node, its table slot and the size
   * kept here.
   */
  public static final long ENTRY_OVERHEAD_BYTES = 80;

  private record Entry<V>(V value, long weight) {}

  private final long maxWeight;
  private final ToLongBiFunction<? super K, ? super V> weigher;
  private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  private LruCache(long maxWeight, ToLongBiFunction<? super K, ? super V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  /** At most {@code maxEntries}: for small keys and values only (which messages were logged). */
  public LruCache(int maxEntries) {
    this(requirePositive(maxEntries, "maxEntries"), (key, value) -> 1);
  }

  /**
   * At most {@code maxBytes} of estimated heap: each entry counts {@code estimatedBytes(key,
   * value)} plus {@link #ENTRY_OVERHEAD_BYTES}.
   */
  public static <K, V> LruCache<K, V> boundedByBytes(
      long maxBytes, ToLongBiFunction<? super K, ? super V> estimatedBytes) {
    requirePositive(maxBytes, "maxBytes");
    return new LruCache<>(
        maxBytes, (key, value) -> ENTRY_OVERHEAD_BYTES + estimatedBytes.applyAsLong(key, value));
  }

  public Optional<V> get(K key) {
    return Optional.ofNullable(entries.get(key)).map(Entry::value);
  }

  /**
   * Keeps the entry as the most recently used, forgetting the least recently used ones beyond the
   * budget. An entry over the whole budget is not kept, and the key's previous value is forgotten.
   */
  public void put(K key, V value) {
    remove(key);
    var entryWeight = weigher.applyAsLong(key, value);
    if (entryWeight > maxWeight) {
      return;
    }
    entries.put(key, new Entry<>(value, entryWeight));
    weight += entryWeight;
    var eldest = entries.values().iterator();
    while (weight > maxWeight) {
      weight -= eldest.next().weight();
      eldest.remove();
    }
  }

  public void remove(K key) {
    var removed = entries.remove(key);
    if (removed != null) {
      weight -= removed.weight();
    }
  }

  public int size() {
    return entries.size();
  }

  /** Estimated bytes of everything kept (entries, for a cache bounded by entries). */
  public long weight() {
    return weight;
  }

  private static long requirePositive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
    }
    return value;
  }
}
