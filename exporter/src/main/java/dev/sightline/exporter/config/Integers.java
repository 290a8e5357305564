package dev.sightline.exporter.config;

import java.util.regex.Pattern;

/**
 * Reads whole numbers from YAML (Integer, Long) and from environment variables (digit strings).
 * Anything that would need rounding or guessing ({@code 1.5}, {@code true}, {@code 1e3}) is
 * refused, so a mistyped value never turns silently into some other number.
 */
final class Integers {

  private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+");

  private Integers() {}

  /**
   * @throws IllegalArgumentException if the value is not a whole number that fits an {@code int}
   */
  static int parse(Object raw) {
    return switch (raw) {
      case Integer value -> value;
      case Long value -> toInt(value, raw);
      case String text when DIGITS.matcher(text.trim()).matches() ->
          toInt(parseLong(text.trim()), raw);
      case null, default -> throw new IllegalArgumentException("not an integer: " + raw);
    };
  }

  private static long parseLong(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // more digits than a long holds: out of int range all the same
    }
  }

  private static int toInt(long value, Object raw) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("integer out of range: " + raw);
    }
    return (int) value;
  }
}
