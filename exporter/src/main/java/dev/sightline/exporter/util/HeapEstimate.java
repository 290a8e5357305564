package dev.sightline.exporter.util;

import java.util.Collection;
import java.util.Map;

/**
 * Rough heap sizes for cache budgets, erring high, on a 64-bit JVM with compressed references: what
 * {@link LruCache#boundedByBytes} charges an entry. Not a measurement: close enough that a budget
 * of N MiB keeps the cache's real footprint of the same order.
 */
public final class HeapEstimate {

  /** A boxed {@code Long} or {@code Integer}. */
  public static final long BOXED_NUMBER = 16;

  /** A small record or object: header and a few fields. */
  public static final long OBJECT = 24;

  private static final long STRING_HEADER = 40; // the String and its array's headers
  private static final long COLLECTION_HEADER = 32;
  private static final long REFERENCE = 4;
  private static final long MAP_ENTRY = 32; // a hash map node, or a slot pair in an immutable map

  private HeapEstimate() {}

  /** Two bytes a char: exact for UTF-16 strings, twice the real size of Latin-1 ones. */
  public static long ofString(String text) {
    return text == null ? 0 : STRING_HEADER + 2L * text.length();
  }

  /** A list or set of strings. */
  public static long ofStrings(Collection<String> texts) {
    long bytes = COLLECTION_HEADER + REFERENCE * texts.size();
    for (var text : texts) {
      bytes += ofString(text);
    }
    return bytes;
  }

  /** A map of strings to strings. */
  public static long ofStringMap(Map<String, String> map) {
    long bytes = COLLECTION_HEADER;
    for (var entry : map.entrySet()) {
      bytes += MAP_ENTRY + ofString(entry.getKey()) + ofString(entry.getValue());
    }
    return bytes;
  }
}
