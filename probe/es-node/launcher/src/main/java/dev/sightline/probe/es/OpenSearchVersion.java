package dev.sightline.probe.es;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The OpenSearch versions a node can be started for. */
public enum OpenSearchVersion implements EngineVersion {
  V3_9_0("3.9.0"),
  V2_19_6("2.19.6");

  private final String number;

  OpenSearchVersion(String number) {
    this.number = number;
  }

  @Override
  public Engine engine() {
    return Engine.OPENSEARCH;
  }

  @Override
  public String number() {
    return number;
  }

  /** Accepts a full release number ({@code 2.19.6}) or a major version ({@code 2}). */
  public static OpenSearchVersion parse(String text) {
    for (var version : values()) {
      if (version.number.equals(text) || String.valueOf(version.major()).equals(text)) {
        return version;
      }
    }
    throw new IllegalArgumentException(
        "OpenSearch version must be one of "
            + Arrays.stream(values())
                .map(OpenSearchVersion::number)
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
