package dev.sightline.probe.es;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Elasticsearch versions a node can be started for. */
public enum ElasticsearchVersion implements EngineVersion {
  V9_5_3("9.5.3"),
  V8_19_21("8.19.21");

  public static final ElasticsearchVersion DEFAULT = V9_5_3;

  private final String number;

  ElasticsearchVersion(String number) {
    this.number = number;
  }

  @Override
  public Engine engine() {
    return Engine.ELASTICSEARCH;
  }

  @Override
  public String number() {
    return number;
  }

  /** Accepts a full release number ({@code 8.19.21}) or a major version ({@code 8}). */
  public static ElasticsearchVersion parse(String text) {
    for (var version : values()) {
      if (version.number.equals(text) || String.valueOf(version.major()).equals(text)) {
        return version;
      }
    }
    throw new IllegalArgumentException(
        "Elasticsearch version must be one of "
            + Arrays.stream(values())
                .map(ElasticsearchVersion::number)
                .collect(Collectors.joining(", "))
            + " (or its major version), but was '"
            + text
            + "'");
  }

  @Override
  public String toString() {
    return number;
  }
}
