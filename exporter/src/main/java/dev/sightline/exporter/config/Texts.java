package dev.sightline.exporter.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads text and lists of text. YAML turns some words into numbers or booleans ({@code 123}, {@code
 * on}), so scalars are taken as text; lists may come as a YAML list, an indexed list ({@code
 * url[0]}, gathered into a {@link List} by {@link GivenArgs}) or one comma-separated string, the
 * one form every source has.
 */
final class Texts {

  private Texts() {}

  /**
   * @throws IllegalArgumentException if the value is not a String, Number or Boolean
   */
  static String scalar(Object raw) {
    return switch (raw) {
      case String text -> text;
      case Number number -> number.toString();
      case Boolean bool -> bool.toString();
      case null, default -> throw new IllegalArgumentException("not text: " + raw);
    };
  }

  /**
   * The trimmed, non-empty items of a list or of a comma-separated string.
   *
   * @throws IllegalArgumentException if the value or one of its items is not text
   */
  static List<String> list(Object raw) {
    var items = new ArrayList<String>();
    if (raw instanceof List<?> list) {
      for (var item : list) {
        items.addAll(Arrays.asList(scalar(item).split(",")));
      }
    } else {
      items.addAll(Arrays.asList(scalar(raw).split(",")));
    }
    return items.stream().map(String::trim).filter(item -> !item.isEmpty()).toList();
  }
}
