package dev.sightline.exporter.config;

import java.util.Locale;

/**
 * Checks an index-name prefix against Elasticsearch's index-name rules, so a bad prefix fails at
 * broker start rather than at the first bulk request. The 100-character cap keeps names readable;
 * {@link IndexNameRules} checks the 255-byte limit of the names the exporter makes from {@code
 * index.prefix}.
 */
final class IndexPrefixes {

  static final int MAX_LENGTH = 100;

  private static final String FORBIDDEN = "\\/*?\"<>|,#: ";
  private static final String FORBIDDEN_FIRST = "-_+";

  private IndexPrefixes() {}

  static boolean isValid(String prefix) {
    return isValid(prefix, FORBIDDEN);
  }

  /** An index name or a pattern of them: the same rules, with {@code *} allowed. */
  static boolean isValidPattern(String pattern) {
    return isValid(pattern, FORBIDDEN.replace("*", ""));
  }

  private static boolean isValid(String prefix, String forbidden) {
    return !prefix.isEmpty()
        && prefix.length() <= MAX_LENGTH
        && prefix.equals(prefix.toLowerCase(Locale.ROOT))
        && prefix.chars().noneMatch(c -> forbidden.indexOf(c) >= 0)
        && FORBIDDEN_FIRST.indexOf(prefix.charAt(0)) < 0
        && !prefix.equals(".")
        && !prefix.equals("..");
  }
}
