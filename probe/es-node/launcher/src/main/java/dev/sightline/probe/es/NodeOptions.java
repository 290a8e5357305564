package dev.sightline.probe.es;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How to start a node (or each node of a cluster): engine version, heap, extra node settings (added
 * to, or replacing, the ones a local node needs), how long to wait for green health, and the folder
 * its temporary home is created in.
 */
public record NodeOptions(
    EngineVersion version,
    String heap,
    Map<String, String> settings,
    Duration startTimeout,
    Path baseDir) {

  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

  public NodeOptions {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(baseDir, "baseDir");
    if (heap == null || !HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException(
          "heap must be a JVM size such as 512m or 1g, but was '" + heap + "'");
    }
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, but was " + startTimeout);
    }
    settings = Map.copyOf(settings);
  }

  /** Elasticsearch 9.5.3, 512 MB heap, 120 s to reach green, home under {@code java.io.tmpdir}. */
  public static NodeOptions defaults() {
    return new NodeOptions(
        ElasticsearchVersion.DEFAULT,
        "512m",
        Map.of(),
        Duration.ofSeconds(120),
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Any version of any engine, e.g. {@code OpenSearchVersion.V2_19_6}. */
  public NodeOptions withVersion(EngineVersion version) {
    return new NodeOptions(version, heap, settings, startTimeout, baseDir);
  }

  public NodeOptions withHeap(String heap) {
    return new NodeOptions(version, heap, settings, startTimeout, baseDir);
  }

  public NodeOptions withSetting(String key, String value) {
    var merged = new TreeMap<>(settings);
    merged.put(key, value);
    return new NodeOptions(version, heap, merged, startTimeout, baseDir);
  }

  public NodeOptions withStartTimeout(Duration startTimeout) {
    return new NodeOptions(version, heap, settings, startTimeout, baseDir);
  }

  public NodeOptions withBaseDir(Path baseDir) {
    return new NodeOptions(version, heap, settings, startTimeout, baseDir);
  }
}
