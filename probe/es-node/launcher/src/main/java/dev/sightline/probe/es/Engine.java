package dev.sightline.probe.es;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The search engines a node can be started for. Where they differ in how a node is started or
 * configured, the difference is named here.
 */
public enum Engine {
  ELASTICSEARCH("Elasticsearch", "cluster.initial_master_nodes", ElasticsearchVersion.V9_5_3),
  /** Default 2.19.6: the version Sightline's OpenSearch support is proven on; 3.x runs too. */
  OPENSEARCH("OpenSearch", "cluster.initial_cluster_manager_nodes", OpenSearchVersion.V2_19_6);

  private final String displayName;
  private final String initialManagerNodesSetting;
  private final EngineVersion defaultVersion;

  Engine(String displayName, String initialManagerNodesSetting, EngineVersion defaultVersion) {
    this.displayName = displayName;
    this.initialManagerNodesSetting = initialManagerNodesSetting;
    this.defaultVersion = defaultVersion;
  }

  /** {@code Elasticsearch}, {@code OpenSearch}. */
  public String displayName() {
    return displayName;
  }

  /** {@code elasticsearch}, {@code opensearch}: how command lines and properties name it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The setting naming the nodes that may bootstrap a new cluster: OpenSearch renamed "master" to
   * "cluster manager" (its old name is deprecated).
   */
  String initialManagerNodesSetting() {
    return initialManagerNodesSetting;
  }

  /** The versions of this engine a node can be started for, newest first. */
  public List<EngineVersion> versions() {
    return EngineVersion.all().stream().filter(version -> version.engine() == this).toList();
  }

  /** The version started when none is given. */
  public EngineVersion defaultVersion() {
    return defaultVersion;
  }

  /**
   * A full release number ({@code 2.19.6}) or a major version ({@code 2}) of this engine.
   *
   * @throws IllegalArgumentException naming the engine's versions and the value given
   */
  public EngineVersion parseVersion(String text) {
    return switch (this) {
      case ELASTICSEARCH -> ElasticsearchVersion.parse(text);
      case OPENSEARCH -> OpenSearchVersion.parse(text);
    };
  }

  /**
   * {@code elasticsearch} or {@code opensearch}, in any case.
   *
   * @throws IllegalArgumentException naming the engines and the value given
   */
  public static Engine parse(String text) {
    for (var engine : values()) {
      if (engine.id().equalsIgnoreCase(text)) {
        return engine;
      }
    }
    throw new IllegalArgumentException(
        "engine must be one of "
            + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", "))
            + ", but was '"
            + text
            + "'");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
