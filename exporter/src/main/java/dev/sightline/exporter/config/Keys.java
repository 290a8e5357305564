package dev.sightline.exporter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a key as given into the path it is matched by. Spring lower-cases environment-variable keys
 * and YAML keys keep their case and may be kebab- or snake-cased, so segments are compared
 * lower-case with {@code -} and {@code _} removed: {@code requestTimeout}, {@code requesttimeout},
 * {@code request-timeout} and {@code request_timeout} are one key. Dots nest ({@code bulk.size})
 * and Spring-style indices become segments of their own ({@code url[1]} → {@code url}, {@code 1}).
 */
final class Keys {

  private static final Pattern INDEXED = Pattern.compile("([^\\[\\]]*)((?:\\[\\d+])+)");
  private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

  private Keys() {}

  /**
   * The normalized path of a key, e.g. {@code Connect.Request-Timeout} → {@code [connect,
   * requesttimeout]}.
   */
  static List<String> path(String key) {
    var path = new ArrayList<String>();
    for (var part : key.split("\\.", -1)) {
      var indexed = INDEXED.matcher(part);
      if (indexed.matches()) {
        if (!indexed.group(1).isEmpty()) {
          path.add(normalize(indexed.group(1)));
        }
        for (var index :
            indexed.group(2).substring(1, indexed.group(2).length() - 1).split("]\\[")) {
          path.add(index);
        }
      } else {
        path.add(normalize(part));
      }
    }
    return path;
  }

  /** Whether a path segment is a list index ({@code 0}, {@code 12}). */
  static boolean isIndex(String segment) {
    return INDEX.matcher(segment).matches();
  }

  private static String normalize(String segment) {
    return segment.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
