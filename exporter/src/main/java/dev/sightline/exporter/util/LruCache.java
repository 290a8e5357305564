package dev.sightline.exporter.util;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A map that forgets its least recently used entry beyond {@code maxEntries}: the exporter's memory
 * stays bounded however long the broker runs. Not thread-safe (one exporter thread).
 */
public final class LruCache<K, V> {

  private final LinkedHashMap<K, V> entries;

  public LruCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, but was " + maxEntries);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > maxEntries;
          }
        };
  }

  public Optional<V> get(K key) {
    return Optional.ofNullable(entries.get(key));
  }

  public void put(K key, V value) {
    entries.put(key, value);
  }

  public int size() {
    return entries.size();
  }
}
