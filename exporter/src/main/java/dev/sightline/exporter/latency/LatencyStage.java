package dev.sightline.exporter.latency;

/**
 * The stages the exporter measures per record, all on the clock the broker stamps records with
 * ({@code Context#clock()}). Definitions in {@code docs/latency.md}.
 *
 * <p>{@code visible} is measured for a sample of documents ({@code
 * dev.sightline.exporter.visibility}), the other stages for every record. The two-hop variant's
 * importer stages ({@code record-visible}, {@code imported}, {@code final-visible}) are not part of
 * this exporter either: the importer, when it exists, records them with its own {@link
 * StageRecorders}-like bookkeeping and the probe's stage names (see {@code docs/latency.md},
 * "Two-hop extension point").
 */
public enum LatencyStage {
  /** export() called − record timestamp: how far behind the log the exporter runs. */
  EXPORTER_LAG("exporter-lag"),
  /** flush start − export() called: time in the batch, including backoff after failed flushes. */
  BATCH_WAIT("batch-wait"),
  /** bulk response − flush start of the successful attempt. */
  BULK("bulk"),
  /** bulk response − record timestamp: what the field's own exporter metric measures. */
  FLUSHED("flushed"),
  /**
   * first {@code _search} that returns the record's document at the record's position or later −
   * record timestamp; sampled documents only.
   */
  VISIBLE("visible");

  private final String tagValue;

  LatencyStage(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The name used in metric tags, {@code .hlog} tags and the docs, e.g. {@code batch-wait}. */
  public String tagValue() {
    return tagValue;
  }
}
