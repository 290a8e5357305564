package dev.sightline.probe.host.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits property keys into name elements the way Spring does: at dots, and {@code [..]} as one
 * element.
 */
final class PropertyNames {

  private PropertyNames() {}

  /**
   * {@code "a.b[0].c"} gives {@code [a, b, 0, c]}; {@code "[x.y]"} gives {@code [x.y]}.
   *
   * @throws IllegalArgumentException on an empty element or an unclosed bracket
   */
  static List<String> split(String key) {
    List<String> elements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < key.length()) {
      char c = key.charAt(i);
      if (c == '[') {
        int close = key.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' in '" + key + "'");
        }
        flush(key, current, elements, false);
        add(key, key.substring(i + 1, close), elements);
        i = close + 1;
        if (i < key.length() && key.charAt(i) == '.') {
          i++;
        }
      } else if (c == '.') {
        flush(key, current, elements, true);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    flush(key, current, elements, elements.isEmpty());
    return elements;
  }

  private static void flush(
      String key, StringBuilder current, List<String> elements, boolean required) {
    if (current.isEmpty() && !required) {
      return;
    }
    add(key, current.toString(), elements);
    current.setLength(0);
  }

  private static void add(String key, String element, List<String> elements) {
    if (element.isBlank()) {
      throw new IllegalArgumentException("empty name element in '" + key + "'");
    }
    elements.add(element);
  }
}
