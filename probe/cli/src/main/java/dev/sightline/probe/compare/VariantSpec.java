package dev.sightline.probe.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One variant as given ({@code --variant}), before the run gives it its label: a named variant of
 * {@link NamedVariants} with the exporter settings it adds, or another exporter's jar.
 *
 * @param name the registry's name ({@code two-hop}, {@code direct-field}, {@code direct}), or
 *     {@code jar} for another exporter
 * @param description one line on what runs (exporter, whose defaults)
 * @param settings the exporter settings, as given (key → raw value, in order): the named variant's
 *     own, then those of the command line; for another exporter also its {@code jar}, {@code class}
 *     and {@code watch.*}
 * @param label the label given with {@code label=…}, if any
 * @param other another exporter's jar and what the probe watches; only for {@link Design#OTHER}
 */
public record VariantSpec(
    String name,
    Design design,
    String description,
    Map<String, String> settings,
    Optional<String> label,
    Optional<OtherExporter> other) {

  public VariantSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(description, "description");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(other, "other");
    if (other.isPresent() != (design == Design.OTHER)) {
      throw new IllegalArgumentException("another exporter's jar goes with Design.OTHER only");
    }
  }

  /** A named variant with its own settings and no label. */
  static VariantSpec named(
      String name, Design design, String description, Map<String, String> settings) {
    return new VariantSpec(name, design, description, settings, Optional.empty(), Optional.empty());
  }

  /**
   * The settings the exporter is configured with: for another exporter, those that are not the
   * comparison's own ({@code jar}, {@code class}, {@code watch.*}).
   */
  public Map<String, String> exporterSettings() {
    if (design != Design.OTHER) {
      return settings;
    }
    var exporter = new LinkedHashMap<>(settings);
    exporter.keySet().removeAll(VariantParser.OTHER_KEYS);
    return exporter;
  }
}
