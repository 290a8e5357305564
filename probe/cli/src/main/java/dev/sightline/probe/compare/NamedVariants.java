package dev.sightline.probe.compare;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The variants a comparison runs by name, and the default run: the one place their settings are
 * defined. Settings are the exporter's own, as key=value text, checked against the exporter's
 * settings by {@code NamedVariantsTest}.
 */
public final class NamedVariants {

  /** Camunda 8.6's two hops, with 8.6's defaults (the record-index exporter's own). */
  public static final VariantSpec TWO_HOP =
      VariantSpec.named(
          "two-hop",
          Design.TWO_HOP,
          "Camunda 8.6: record-index exporter (bulk delay 5 s, size 1000, 10 MB) + importer"
              + " (batches of 200, idle 5 s)",
          Map.of());

  /**
   * One hop with the field's defaults (Camunda 8.7+'s exporter): a batch goes when it is a second
   * old (or full), one synchronous bulk at a time, visible at the index's own refresh. The linger
   * of a second turns group commit off: an idle batch waits as the field's flush timer makes it.
   */
  public static final VariantSpec DIRECT_FIELD =
      VariantSpec.named(
          "direct-field",
          Design.DIRECT,
          "Sightline exporter with the field's one-hop defaults (1 s bulk delay, the index's own"
              + " refresh, one bulk at a time)",
          VariantParser.settings(
              "bulk.delay=1s,bulk.linger=1s,bulk.maxInFlight=1,visibility.refresh=engine"));

  /** Sightline with its own defaults, whatever they are in the jar that runs. */
  public static final VariantSpec DIRECT =
      VariantSpec.named(
          "direct", Design.DIRECT, "Sightline exporter with Sightline's defaults", Map.of());

  /** Every named variant, in the order of the default run. */
  public static final List<VariantSpec> ALL = List.of(TWO_HOP, DIRECT_FIELD, DIRECT);

  private NamedVariants() {}

  /** What {@code ./sightline compare} runs without {@code --variant}: every named variant. */
  public static List<VariantSpec> defaultRun() {
    return ALL;
  }

  /** The named variant, whatever the case of {@code name}. */
  public static Optional<VariantSpec> byName(String name) {
    var lower = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(variant -> variant.name().equals(lower)).findFirst();
  }

  /** {@code two-hop, direct-field, direct}. */
  public static String names() {
    return ALL.stream().map(VariantSpec::name).collect(Collectors.joining(", "));
  }
}
