package dev.sightline.exporter.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads byte sizes the way Spring Boot's {@code DataSize} does ({@code 512B}, {@code 10KB}, {@code
 * 20MB}, {@code 1GB}, 1024-based, a bare number meaning bytes), except that the unit is
 * case-insensitive: an environment variable's value keeps whatever case the operator typed.
 */
final class ByteSizes {

  static final long KB = 1024;
  static final long MB = 1024 * KB;
  static final long GB = 1024 * MB;
  static final long TB = 1024 * GB;

  private static final Pattern SIZE = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");
  private static final Map<String, Long> UNITS =
      Map.of("", 1L, "b", 1L, "kb", KB, "mb", MB, "gb", GB, "tb", TB);

  /** Largest unit first, so {@link #format} picks the shortest exact form. */
  private static final String[] FORMAT_SUFFIXES = {"TB", "GB", "MB", "KB"};

  private static final long[] FORMAT_BYTES = {TB, GB, MB, KB};

  private ByteSizes() {}

  /**
   * An Integer/Long in bytes, or a string such as {@code 20MB}.
   *
   * @throws IllegalArgumentException if the value is neither
   */
  static long parse(Object raw) {
    return switch (raw) {
      case Integer bytes -> bytes;
      case Long bytes -> bytes;
      case String text -> parse(text.trim());
      case null, default -> throw new IllegalArgumentException("not a byte size: " + raw);
    };
  }

  private static long parse(String text) {
    var matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a byte size: " + text);
    }
    var unit = UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      throw new IllegalArgumentException("unknown byte size unit: " + text);
    }
    try {
      return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("byte size too large: " + text, e);
    }
  }

  /** The shortest exact form: {@code 20MB}, {@code 1536B}. */
  static String format(long bytes) {
    if (bytes != 0) {
      for (int i = 0; i < FORMAT_BYTES.length; i++) {
        if (bytes % FORMAT_BYTES[i] == 0) {
          return bytes / FORMAT_BYTES[i] + FORMAT_SUFFIXES[i];
        }
      }
    }
    return bytes + "B";
  }
}
