package dev.sightline.exporter.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads durations the way Spring Boot does, because operators already write them that way in the
 * broker's other settings: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, ISO-8601
 * {@code PT5S}, and a bare number meaning milliseconds.
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");
  private static final Pattern ISO = Pattern.compile("[+-]?[pP].*");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "", ChronoUnit.MILLIS,
          "ns", ChronoUnit.NANOS,
          "us", ChronoUnit.MICROS,
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  /** Largest unit first, so {@link #format} picks the shortest exact form. */
  private static final String[] FORMAT_SUFFIXES = {"d", "h", "m", "s", "ms"};

  private static final long[] FORMAT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

  private Durations() {}

  /**
   * A {@link Duration}, an Integer/Long in milliseconds, or a string in one of the Spring forms.
   *
   * @throws IllegalArgumentException if the value is none of these
   */
  public static Duration parse(Object raw) {
    return switch (raw) {
      case Duration duration -> duration;
      case Integer millis -> Duration.ofMillis(millis);
      case Long millis -> Duration.ofMillis(millis);
      case String text -> parse(text.trim());
      case null, default -> throw new IllegalArgumentException("not a duration: " + raw);
    };
  }

  private static Duration parse(String text) {
    if (ISO.matcher(text).matches()) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration: " + text, e);
      }
    }
    var matcher = SIMPLE.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    var unit = UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      throw new IllegalArgumentException("unknown duration unit: " + text);
    }
    try {
      return Duration.of(Long.parseLong(matcher.group(1)), unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too large: " + text, e);
    }
  }

  /**
   * The shortest exact Spring form ({@code 30s}, {@code 10m}); ISO-8601 below millisecond
   * precision.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0ms";
    }
    if (duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    for (int i = 0; i < FORMAT_MILLIS.length; i++) {
      if (millis % FORMAT_MILLIS[i] == 0) {
        return millis / FORMAT_MILLIS[i] + FORMAT_SUFFIXES[i];
      }
    }
    throw new AssertionError("every whole millisecond count divides by 1");
  }
}
