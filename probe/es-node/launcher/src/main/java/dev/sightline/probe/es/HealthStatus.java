package dev.sightline.probe.es;

import java.util.Locale;

/** A cluster's health as {@code _cluster/health} reports it. */
public enum HealthStatus {
  /** Every shard copy is assigned. */
  GREEN,
  /** Every primary is assigned, some replica is not. */
  YELLOW,
  /** Some primary is not assigned: its data cannot be read or written. */
  RED;

  /** {@code green}, as the health API and its {@code wait_for_status} spell it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static HealthStatus parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
