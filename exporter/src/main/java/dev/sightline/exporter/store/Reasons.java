package dev.sightline.exporter.store;

import java.util.regex.Pattern;

/**
 * Elasticsearch's rejection reasons without the field values some of them quote: a reason is logged
 * and dead-lettered, and a value may be personal data. Also bounded, so that one reason cannot
 * flood a log line.
 */
public final class Reasons {

  static final int MAX_LENGTH = 1_000;
  static final String OMITTED = "(value omitted)";

  /**
   * "... Preview of field's value: '<value>'" ends a parsing error's reason (the value runs to its
   * end); "The prefix of the first immense term is: '<bytes>...'" quotes a keyword too long to
   * index.
   */
  private static final Pattern PREVIEW =
      Pattern.compile("(Preview of field's value:).*", Pattern.DOTALL);

  private static final Pattern IMMENSE_TERM_PREFIX =
      Pattern.compile(
          "(The prefix of the first immense term is:) '.*?'(?=, original message|$)",
          Pattern.DOTALL);

  private Reasons() {}

  public static String withoutValues(String reason) {
    if (reason == null) {
      return null;
    }
    var cleaned = PREVIEW.matcher(reason).replaceFirst("$1 " + OMITTED);
    cleaned = IMMENSE_TERM_PREFIX.matcher(cleaned).replaceFirst("$1 " + OMITTED);
    return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) + "…" : cleaned;
  }
}
