package dev.sightline.exporter.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * What to do with a document Elasticsearch rejects for good (mapping conflict, unparsable value).
 */
public enum RejectionPolicy {
  /** Retry forever: the partition stops until an operator fixes the index or the data. */
  BLOCK("block"),
  /** Write it to the dead-letter index with the reason, and move on. */
  DEAD_LETTER("dead-letter");

  private final String text;

  RejectionPolicy(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  static RejectionPolicy parse(String text) {
    var normalized = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(policy -> policy.text.equals(normalized))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a rejection policy: " + text));
  }
}
