package dev.sightline.probe.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A variant of a run, with its label: unique in the run, it names the variant in the output, the
 * table, {@code summary.json}, {@code report.html}, its {@code .hlog} file and the host's exporter
 * id.
 */
public record Variant(String label, VariantSpec spec) {

  /** Camunda 8.6's two hops, alone. */
  public static final Variant TWO_HOP = new Variant("two-hop", NamedVariants.TWO_HOP);

  /** Sightline with its defaults, alone. */
  public static final Variant DIRECT = new Variant("direct", NamedVariants.DIRECT);

  public Variant {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(spec, "spec");
  }

  /**
   * Labels every variant of a run: its {@code label=…}, else its name, else — when an earlier
   * variant has that — {@code <name>#2}, {@code #3}, … (a variant given twice, with other settings
   * or the same, for its noise).
   *
   * @throws InvalidVariantException if two variants are given the same label
   */
  public static List<Variant> labelled(List<VariantSpec> specs) {
    var taken = new HashSet<String>();
    for (var spec : specs) {
      spec.label()
          .filter(label -> !taken.add(label))
          .ifPresent(
              label -> {
                throw new InvalidVariantException(
                    "two variants are labelled '%s'; labels must be unique".formatted(label));
              });
    }
    var variants = new ArrayList<Variant>();
    for (var spec : specs) {
      var label = spec.label().orElse(null);
      if (label == null) {
        label = spec.name();
        for (int n = 2; !taken.add(label); n++) {
          label = spec.name() + "#" + n;
        }
      }
      variants.add(new Variant(label, spec));
    }
    return variants;
  }

  /**
   * @throws InvalidVariantException if two variants have the same label
   */
  public static void requireDistinctLabels(List<Variant> variants) {
    var labels = new HashSet<String>();
    for (var variant : variants) {
      if (!labels.add(variant.label())) {
        throw new InvalidVariantException(
            "two variants are labelled '%s'; labels must be unique".formatted(variant.label()));
      }
    }
  }

  public Design design() {
    return spec.design();
  }

  public String description() {
    return spec.description();
  }

  /** The settings as given, for the report. */
  public Map<String, String> settings() {
    return spec.settings();
  }

  /** The label as part of an index name: {@code direct#2} → {@code direct-2}. */
  public String slug() {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
