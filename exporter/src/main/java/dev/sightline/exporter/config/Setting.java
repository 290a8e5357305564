package dev.sightline.exporter.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One setting: its canonical key, its rule, its default, and where its value lives in {@link
 * ExporterConfig} (to describe a configuration in the keys an operator writes).
 *
 * @param key the canonical key, e.g. {@code connect.requestTimeout}; matched case-insensitively,
 *     ignoring {@code -} and {@code _}
 * @param defaultValue the value when the key is not given; {@code null} for a required setting
 */
record Setting<T>(String key, Rule<T> rule, T defaultValue, Function<ExporterConfig, T> reader) {

  Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reader, "reader");
  }

  static <T> Setting<T> of(
      String key, Rule<T> rule, T defaultValue, Function<ExporterConfig, T> reader) {
    return new Setting<>(key, rule, Objects.requireNonNull(defaultValue, "defaultValue"), reader);
  }

  /** A setting without a default: leaving it out is an error. */
  static <T> Setting<T> required(String key, Rule<T> rule, Function<ExporterConfig, T> reader) {
    return new Setting<>(key, rule, null, reader);
  }

  boolean isRequired() {
    return defaultValue == null;
  }

  /** This setting's value in {@code config}, written as an operator would write it. */
  String describe(ExporterConfig config) {
    return rule.format(reader.apply(config));
  }
}
