package dev.sightline.probe.report;

import java.util.List;

/** Stage names as the report orders them (docs/latency.md defines each). */
public final class Stages {

  public static final String EXPORTER_LAG = "exporter-lag";
  public static final String BATCH_WAIT = "batch-wait";
  public static final String BULK = "bulk";
  public static final String FLUSHED = "flushed";

  /** Two-hop: the record is searchable in its {@code zeebe-record-*} index. */
  public static final String RECORD_VISIBLE = "record-visible";

  /** Two-hop: the importer's bulk with the record's documents returned. */
  public static final String IMPORTED = "imported";

  /**
   * The exporter's own {@code visible} stage (a sample of documents, every record of them of value
   * type PROCESS_INSTANCE: process and flow-node instances), from its {@code .hlog} files.
   */
  public static final String EXPORTER_VISIBLE = "exporter-visible";

  /** The reader-side probe: a process instance's creation (ELEMENT_ACTIVATING) is searchable. */
  public static final String VISIBLE = "visible";

  /**
   * The reader-side probe: a process instance's completion (ELEMENT_COMPLETED) is searchable, i.e.
   * a search returns its document at the completion's position or later.
   */
  public static final String VISIBLE_COMPLETED = "visible-completed";

  public static final List<String> ORDER =
      List.of(
          EXPORTER_LAG,
          BATCH_WAIT,
          BULK,
          FLUSHED,
          RECORD_VISIBLE,
          IMPORTED,
          EXPORTER_VISIBLE,
          VISIBLE,
          VISIBLE_COMPLETED);

  private Stages() {}

  /** Position in {@link #ORDER}; unknown stages go last. */
  public static int rank(String stage) {
    var index = ORDER.indexOf(stage);
    return index < 0 ? ORDER.size() : index;
  }
}
