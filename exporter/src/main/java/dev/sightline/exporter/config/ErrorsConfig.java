package dev.sightline.exporter.config;

import java.util.Objects;

/** How the exporter treats documents Elasticsearch rejects for good. */
public record ErrorsConfig(RejectionPolicy onRejected) {

  public ErrorsConfig {
    Objects.requireNonNull(onRejected, "onRejected");
  }
}
