package dev.sightline.exporter.config;

import java.util.Objects;

/**
 * A password or API key. It prints as {@code ***} wherever it ends up (a logged configuration, an
 * error message, a record's {@code toString}); the one way to the plain text is {@link #reveal()},
 * named so that every use stands out in review.
 *
 * @param reveal the plain text; read it only to hand it to the Elasticsearch client
 */
public record Secret(String reveal) {

  public static final String MASK = "***";

  public Secret {
    Objects.requireNonNull(reveal, "reveal");
  }

  @Override
  public String toString() {
    return MASK;
  }
}
