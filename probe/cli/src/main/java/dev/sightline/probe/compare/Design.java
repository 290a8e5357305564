package dev.sightline.probe.compare;

/** What a variant runs, and so how the comparison loads it and what the probe watches. */
public enum Design {
  /**
   * Camunda 8.6: the record-index exporter (its own jar) writes raw records, the importer turns
   * them into the read model.
   */
  TWO_HOP("dev.sightline.probe.twohop.recordindex.RecordIndexExporter"),
  /** Sightline: the read model written straight from the exporter (its drop-in jar). */
  DIRECT("dev.sightline.exporter.SightlineExporter"),
  /** Another exporter's jar, watched where its variant says its documents land. */
  OTHER(null);

  private final String className;

  Design(String className) {
    this.className = className;
  }

  /** The exporter class the host loads; {@code null} for {@link #OTHER} (its variant names it). */
  String className() {
    return className;
  }
}
