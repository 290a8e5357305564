package dev.sightline.probe.report;

import java.util.ArrayList;
import java.util.Locale;
import java.util.TreeSet;

/** The side-by-side table printed at the end of a comparison. */
public final class ComparisonTable {

  /** What the probe measured, said under the table's title. */
  static final String SAMPLE =
      "Every process instance started after the warm-up (no sampling): created = its"
          + " ELEMENT_ACTIVATING, completed = its ELEMENT_COMPLETED (the document's state COMPLETED);"
          + " another exporter's documents: their first appearance only";

  private ComparisonTable() {}

  public static String render(RunResult run) {
    var out = new StringBuilder();
    var variants = run.variants();
    out.append("Variants (label, exporter settings given, what runs)\n");
    var legend = new ArrayList<java.util.List<String>>();
    for (var variant : variants) {
      legend.add(
          java.util.List.of("  " + variant.name(), settings(variant), variant.description()));
    }
    out.append(columns(legend, false));
    out.append(
        "\nVisibility latency, ms: record timestamp → first _search that returns the document at the"
            + " record's position or later\n");
    out.append(SAMPLE).append('\n');
    var header = new ArrayList<String>(java.util.List.of("variant", "records/s", "instance", "n"));
    for (var p : Percentiles.TABLE) {
      header.add("p" + trim(p));
    }
    header.add("max");
    var rows = new ArrayList<java.util.List<String>>();
    rows.add(header);
    for (var variant : variants) {
      for (var kind : VariantResult.KIND_ORDER) {
        var visible = variant.stagesMicros().get(VariantResult.KINDS.get(kind));
        if (visible == null && !kind.equals("created")) {
          continue; // another exporter's documents: creations only
        }
        var row =
            new ArrayList<String>(
                java.util.List.of(
                    variant.name(),
                    fmt(variant.recordsPerSecond(), 0),
                    kind,
                    visible == null ? "0" : Long.toString(visible.getTotalCount())));
        for (var p : Percentiles.TABLE) {
          row.add(visible == null ? "-" : fmt(Percentiles.millis(visible, p), 1));
        }
        row.add(visible == null ? "-" : fmt(Percentiles.maxMillis(visible), 1));
        rows.add(row);
      }
    }
    // Every variant against the last one (the default run ends with Sightline's defaults).
    var last = variants.isEmpty() ? null : variants.getLast();
    for (var variant : variants.subList(0, Math.max(0, variants.size() - 1))) {
      for (var kind : VariantResult.KIND_ORDER) {
        var stage = VariantResult.KINDS.get(kind);
        var reference = last.stagesMicros().get(stage);
        var visible = variant.stagesMicros().get(stage);
        if (reference == null || visible == null) {
          continue;
        }
        var ratio =
            new ArrayList<String>(
                java.util.List.of(variant.name() + " ÷ " + last.name(), "", kind, ""));
        for (var p : Percentiles.TABLE) {
          ratio.add(ratio(Percentiles.millis(visible, p), Percentiles.millis(reference, p)));
        }
        ratio.add(ratio(Percentiles.maxMillis(visible), Percentiles.maxMillis(reference)));
        rows.add(ratio);
      }
    }
    out.append(columns(rows));
    out.append("\nStages, ms (p50 / p99)\n");
    var stages =
        new TreeSet<String>(java.util.Comparator.comparingInt(Stages::rank).thenComparing(s -> s));
    variants.forEach(v -> stages.addAll(v.stagesMicros().keySet()));
    var stageRows = new ArrayList<java.util.List<String>>();
    var stageHeader = new ArrayList<String>(java.util.List.of("stage"));
    variants.forEach(v -> stageHeader.add(v.name()));
    stageRows.add(stageHeader);
    for (var stage : stages) {
      var row = new ArrayList<String>(java.util.List.of(stage));
      for (var variant : variants) {
        var histogram = variant.stagesMicros().get(stage);
        row.add(
            histogram == null || histogram.getTotalCount() == 0
                ? "-"
                : fmt(Percentiles.millis(histogram, 50), 1)
                    + " / "
                    + fmt(Percentiles.millis(histogram, 99), 1));
      }
      stageRows.add(row);
    }
    out.append(columns(stageRows));
    out.append("\nProbe\n");
    for (var variant : variants) {
      var probe = variant.probe();
      out.append(
          String.format(
              Locale.ROOT,
              "  %s: poll period p50 %.0f ms / p99 %.0f ms, %.0f requests/s, shed %d, timed out %d;"
                  + " the exporter's visible stage: %.1f searches/s\n",
              variant.name(),
              probe.pollPeriodP50Millis(),
              probe.pollPeriodP99Millis(),
              probe.requestsPerSecond(),
              probe.shed(),
              probe.timedOut(),
              probe.exporterSearchesPerSecond()));
    }
    if (variants.stream().anyMatch(v -> v.refresh().isPresent())) {
      out.append("\nIndex refresh (the situation measured)\n");
      for (var variant : variants) {
        out.append("  ")
            .append(variant.name())
            .append(": ")
            .append(variant.refresh().map(IndexRefresh::describe).orElse("unknown"))
            .append('\n');
      }
    }
    for (var variant : variants) {
      if (!variant.finished()) {
        out.append("\n")
            .append(notFinished(variant))
            .append(":\n  ")
            .append(String.join("\n  ", variant.unfinished()))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** The heading of an unfinished variant's reasons. */
  static String notFinished(VariantResult variant) {
    return variant.name() + " did NOT finish: its figures are incomplete";
  }

  /** {@code key=value, …}, or {@code defaults} when the variant gave none. */
  static String settings(VariantResult variant) {
    if (variant.settings().isEmpty()) {
      return "defaults";
    }
    var text = new StringBuilder();
    variant
        .settings()
        .forEach(
            (key, value) ->
                text.append(text.isEmpty() ? "" : ", ").append(key).append('=').append(value));
    return text.toString();
  }

  private static String columns(java.util.List<java.util.List<String>> rows) {
    return columns(rows, true);
  }

  /** Left-aligned first column, then right-aligned ({@code numbers}) or left-aligned ones. */
  private static String columns(java.util.List<java.util.List<String>> rows, boolean numbers) {
    var widths = new int[rows.getFirst().size()];
    for (var row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    var out = new StringBuilder();
    for (var row : rows) {
      for (int i = 0; i < row.size(); i++) {
        var cell = row.get(i);
        var last = i == row.size() - 1;
        out.append(
            i == 0
                ? String.format("%-" + widths[i] + "s", cell)
                : numbers
                    ? String.format("  %" + widths[i] + "s", cell)
                    : last ? "  " + cell : String.format("  %-" + widths[i] + "s", cell));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String ratio(double numerator, double denominator) {
    return denominator <= 0 ? "-" : fmt(numerator / denominator, 2) + "×";
  }

  static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String trim(double percentile) {
    return percentile == Math.rint(percentile)
        ? Long.toString((long) percentile)
        : Double.toString(percentile);
  }
}
