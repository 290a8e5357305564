package dev.sightline.probe.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The report's two charts as inline SVG (no script, no network): the percentile distribution of
 * {@code visible} for every variant — process instances created (solid) and completed (dashed) — on
 * a log-scale percentile axis, as HdrHistogram's plotter draws it, and bars of p50 and p99 per
 * stage.
 */
final class SvgCharts {

  /** Matplotlib's first colours: red and blue first, as the two-variant reports had them. */
  static final String[] COLORS = {
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"
  };

  private static final int LEGEND_ENTRY_WIDTH = 150;
  private static final int WIDTH = 860;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 45;
  private static final int TOP = 20;
  private static final int BOTTOM = 60;

  /** Up to 99.999 %: x = log10(1 / (1 − p)). */
  private static final double MAX_X = 5;

  private SvgCharts() {}

  static String percentileDistribution(List<VariantResult> variants) {
    var maxMillis = 1.0;
    for (var variant : variants) {
      for (var stage : VariantResult.KINDS.values()) {
        var histogram = variant.stagesMicros().get(stage);
        if (histogram != null) {
          maxMillis = Math.max(maxMillis, Percentiles.maxMillis(histogram));
        }
      }
    }
    var yMax = niceCeiling(maxMillis);
    var svg =
        new StringBuilder(
            open(
                "percentile-chart",
                "Visibility latency by percentile: instance created (solid), completed (dashed)"));
    axes(svg, yMax, "latency (ms)");
    var labels = new String[] {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
    for (int i = 0; i <= MAX_X; i++) {
      var x = x(i);
      svg.append(line(x, TOP, x, HEIGHT - BOTTOM, "#eee"));
      svg.append(text(x, HEIGHT - BOTTOM + 18, labels[i], "middle"));
    }
    svg.append(
        text(
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0,
            HEIGHT - 12,
            "percentile — solid: instance created, dashed: instance completed",
            "middle"));
    for (int v = 0; v < variants.size(); v++) {
      series(svg, variants.get(v), v, variants.get(v).visible(), "series", "", yMax);
      series(
          svg,
          variants.get(v),
          v,
          variants.get(v).visibleCompleted(),
          "series-completed",
          " stroke-dasharray=\"9 5\"",
          yMax);
    }
    legend(svg, variants.stream().map(VariantResult::name).toList());
    return svg.append("</svg>\n").toString();
  }

  /** One variant's curve of one kind of record; none if it measured none. */
  private static void series(
      StringBuilder svg,
      VariantResult variant,
      int index,
      org.HdrHistogram.Histogram micros,
      String cssClass,
      String style,
      double yMax) {
    if (micros == null) {
      return;
    }
    var points = new StringBuilder();
    for (var point : Percentiles.distribution(micros)) {
      var p = Math.min(point.percentile() / 100.0, 1 - Math.pow(10, -MAX_X));
      var px = x(Math.log10(1 / (1 - p)));
      var py = y(point.millis(), yMax);
      points.append(fmt(px)).append(',').append(fmt(py)).append(' ');
    }
    svg.append("<polyline class=\"")
        .append(cssClass)
        .append("\" data-variant=\"")
        .append(escape(variant.name()))
        .append("\" fill=\"none\" stroke-width=\"3\"")
        .append(style)
        .append(" stroke=\"")
        .append(color(index))
        .append("\" points=\"")
        .append(points.toString().strip())
        .append("\"/>\n");
  }

  static String stageBars(List<VariantResult> variants) {
    var stages =
        new TreeSet<String>(java.util.Comparator.comparingInt(Stages::rank).thenComparing(s -> s));
    variants.forEach(v -> stages.addAll(v.stagesMicros().keySet()));
    var maxMillis = 1.0;
    for (var variant : variants) {
      for (var h : variant.stagesMicros().values()) {
        if (h.getTotalCount() > 0) {
          maxMillis = Math.max(maxMillis, Percentiles.millis(h, 99));
        }
      }
    }
    var yMax = niceCeiling(maxMillis);
    var svg = new StringBuilder(open("stage-chart", "p50 (solid) and p99 (light) per stage"));
    axes(svg, yMax, "ms");
    var stageList = new ArrayList<>(stages);
    var groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, stageList.size());
    var barWidth = groupWidth * 0.8 / Math.max(1, variants.size());
    for (int s = 0; s < stageList.size(); s++) {
      var groupX = LEFT + s * groupWidth + groupWidth * 0.1;
      svg.append(text(groupX + groupWidth * 0.4, HEIGHT - BOTTOM + 18, stageList.get(s), "middle"));
      for (int v = 0; v < variants.size(); v++) {
        var histogram = variants.get(v).stagesMicros().get(stageList.get(s));
        if (histogram == null || histogram.getTotalCount() == 0) {
          continue;
        }
        var bx = groupX + v * barWidth;
        var color = color(v);
        bar(
            svg,
            bx,
            barWidth,
            Percentiles.millis(histogram, 99),
            yMax,
            color,
            0.35,
            variants.get(v).name(),
            stageList.get(s),
            "p99");
        bar(
            svg,
            bx,
            barWidth,
            Percentiles.millis(histogram, 50),
            yMax,
            color,
            1.0,
            variants.get(v).name(),
            stageList.get(s),
            "p50");
      }
    }
    legend(svg, variants.stream().map(VariantResult::name).toList());
    return svg.append("</svg>\n").toString();
  }

  private static void bar(
      StringBuilder svg,
      double x,
      double width,
      double millis,
      double yMax,
      String color,
      double opacity,
      String variant,
      String stage,
      String percentile) {
    var top = y(millis, yMax);
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"bar\" data-variant=\"%s\" data-stage=\"%s\" data-percentile=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"><title>%s %s %s: %.1f ms</title></rect>%n",
            escape(variant),
            escape(stage),
            percentile,
            x,
            top,
            width * 0.9,
            HEIGHT - BOTTOM - top,
            color,
            opacity,
            escape(variant),
            escape(stage),
            percentile,
            millis));
  }

  private static String open(String id, String title) {
    return String.format(
        Locale.ROOT,
        "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n<title>%s</title>%n<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n",
        id,
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        escape(title),
        escape(title),
        WIDTH,
        HEIGHT);
  }

  private static void axes(StringBuilder svg, double yMax, String yLabel) {
    for (int i = 0; i <= 5; i++) {
      var value = yMax * i / 5;
      var y = y(value, yMax);
      svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#eee"));
      svg.append(text(LEFT - 8, y + 4, fmtValue(value), "end"));
    }
    svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333"));
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333"));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"16\" y=\"%.1f\" font-size=\"12\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">%s</text>%n",
            (TOP + HEIGHT - BOTTOM) / 2.0,
            (TOP + HEIGHT - BOTTOM) / 2.0,
            escape(yLabel)));
  }

  /** The colour of the {@code index}th variant, in the charts and the report's tables. */
  static String color(int index) {
    return COLORS[index % COLORS.length];
  }

  /** One entry per variant, in rows of as many as fit the plot's width. */
  private static void legend(StringBuilder svg, List<String> names) {
    // About 7 px a character at font size 12.
    var longest = names.stream().mapToInt(String::length).max().orElse(0);
    var entryWidth = Math.max(LEGEND_ENTRY_WIDTH, 30 + 7 * longest);
    var perRow = Math.max(1, (WIDTH - LEFT - RIGHT - 20) / entryWidth);
    for (int i = 0; i < names.size(); i++) {
      var x = LEFT + 20 + (i % perRow) * entryWidth;
      var y = TOP + 4 + (i / perRow) * 20;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n",
              x,
              y,
              color(i)));
      svg.append(text(x + 20, y + 12, names.get(i), "start"));
    }
  }

  private static double x(double logValue) {
    return LEFT + (WIDTH - LEFT - RIGHT) * logValue / MAX_X;
  }

  private static double y(double millis, double yMax) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * Math.min(millis, yMax) / yMax;
  }

  /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
  static double niceCeiling(double value) {
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    for (var step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
        x1,
        y1,
        x2,
        y2,
        color);
  }

  private static String text(double x, double y, String text, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%s\">%s</text>%n",
        x,
        y,
        anchor,
        escape(text));
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String fmtValue(double value) {
    return value >= 10 || value == 0
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
