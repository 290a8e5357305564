package dev.sightline.exporter.config;

import java.util.Arrays;
import java.util.Locale;

/** When the documents an exporter wrote become searchable. */
public enum RefreshPolicy {
  /** At the index's next scheduled refresh ({@code index.refresh_interval}, 1 s by default). */
  ENGINE("engine"),
  /**
   * The exporter asks for a refresh of the indices it wrote right after a bulk, at most once per
   * {@code visibility.minRefreshInterval} per partition.
   */
  AFTER_BULK("after-bulk");

  private final String text;

  RefreshPolicy(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  static RefreshPolicy parse(String text) {
    var normalized = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(policy -> policy.text.equals(normalized))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a refresh policy: " + text));
  }
}
