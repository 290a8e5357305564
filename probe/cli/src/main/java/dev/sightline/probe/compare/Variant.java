package dev.sightline.probe.compare;

import java.util.Locale;

/** The two designs the comparison runs. */
public enum Variant {
  /**
   * Camunda 8.6: record exporter into {@code zeebe-record-*}, then the importer into the read
   * model.
   */
  TWO_HOP(
      "two-hop",
      "record-index exporter (bulk delay 5 s, size 1000, 10 MB) + importer (batches of 200, idle 5 s)"),
  /** Sightline: the read model written straight from the exporter. */
  DIRECT("direct", "Sightline exporter (bulk delay 1 s, size 1000, 20 MB)");

  private final String id;
  private final String description;

  Variant(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public static Variant parse(String text) {
    for (var variant : values()) {
      if (variant.id.equals(text.toLowerCase(Locale.ROOT))) {
        return variant;
      }
    }
    throw new IllegalArgumentException("variant must be direct or two-hop, but was '" + text + "'");
  }
}
