package dev.sightline.probe.compare;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Another exporter's jar in a comparison, and where the probe finds the documents it writes: the
 * process-instance documents in {@code watchIndex} (an index, alias or pattern in which {@value
 * #PREFIX} stands for the run's unique index prefix of the variant), identified as {@code watchId}
 * says.
 *
 * @param jar the exporter jar, loaded like any exporter by the broker-like host
 * @param className the exporter class in the jar
 */
public record OtherExporter(Path jar, String className, String watchIndex, WatchId watchId) {

  /** In {@code watchIndex} and in setting values: the variant's unique index prefix. */
  public static final String PREFIX = "{prefix}";

  /**
   * In setting values: the URL of the run's node; on a cluster, every node's, comma-separated (as
   * Zeebe's Elasticsearch exporter's {@code url} takes them).
   */
  public static final String ELASTICSEARCH = "{es}";

  /**
   * In setting values: the directory the comparison reads {@code .hlog} files from (Sightline's
   * format: tags {@code <stage>:<VALUE_TYPE>}).
   */
  public static final String HLOG = "{hlog}";

  public OtherExporter {
    Objects.requireNonNull(jar, "jar");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(watchIndex, "watchIndex");
    Objects.requireNonNull(watchId, "watchId");
  }

  /** The watched index of a run whose variant has the index prefix {@code prefix}. */
  public String watchIndex(String prefix) {
    return watchIndex.replace(PREFIX, prefix);
  }

  /**
   * How the exporter names the document of a process instance; only forms the probe can derive from
   * the record that starts the instance.
   */
  public enum WatchId {
    /** The process instance's key: a read model (Sightline, Camunda's exporter: list view). */
    KEY("key"),
    /**
     * {@code <partitionId>-<position>} of the record that activates the process: a record index
     * (Zeebe's Elasticsearch exporter, the two-hop record-index exporter).
     */
    PARTITION_POSITION("partition-position");

    private final String text;

    WatchId(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** The document id for the record with this key that starts a process instance. */
    public String of(int partitionId, long position, long key) {
      return this == KEY ? Long.toString(key) : partitionId + "-" + position;
    }

    public static WatchId parse(String text) {
      for (var id : values()) {
        if (id.text.equals(text.toLowerCase(Locale.ROOT))) {
          return id;
        }
      }
      throw new IllegalArgumentException(
          "must be key or partition-position, but was '" + text + "'");
    }
  }
}
