package dev.sightline.exporter.batch;

import java.util.Collection;
import java.util.Map;

/**
 * A cheap upper-bound-ish estimate of a value's JSON size, for the memory limit (no serialization).
 */
final class SizeEstimate {

  private static final int FIELD_OVERHEAD = 4; // quotes, colon, comma
  private static final int NUMBER = 20;

  private SizeEstimate() {}

  static long ofField(String name, Object value) {
    return name.length() + FIELD_OVERHEAD + of(value);
  }

  static long of(Object value) {
    return switch (value) {
      case null -> 4;
      case CharSequence text ->
          2L + text.length() * 3L / 2; // multi-byte text costs more than one byte a char
      case Number ignored -> NUMBER;
      case Boolean ignored -> 5;
      case Map<?, ?> map -> {
        long size = 2;
        for (var entry : map.entrySet()) {
          size += ofField(String.valueOf(entry.getKey()), entry.getValue());
        }
        yield size;
      }
      case Collection<?> items -> {
        long size = 2;
        for (var item : items) {
          size += of(item) + 1;
        }
        yield size;
      }
      default -> 2L + String.valueOf(value).length();
    };
  }
}
