package dev.sightline.probe.report;

import java.util.Locale;

/** {@code report.html}: self-contained (inline SVG and CSS, no script, no network). */
public final class HtmlReport {

  private HtmlReport() {}

  public static String render(RunResult run) {
    var html = new StringBuilder();
    html.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Sightline comparison ")
        .append(SvgCharts.escape(run.runId()))
        .append(
            "</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append(
            "td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append(
            "pre{background:#f6f6f6;padding:1em}.unfinished{color:#a00}.variants td,.variants th{text-align:left}</style>\n</head><body>\n");
    html.append("<h1>When does data become visible? ")
        .append(
            SvgCharts.escape(
                String.join(" vs ", run.variants().stream().map(VariantResult::name).toList())))
        .append("</h1>\n");
    html.append("<p>Run <code>")
        .append(SvgCharts.escape(run.runId()))
        .append("</code>, started ")
        .append(run.startedAt())
        .append(
            run.settings().containsKey("engine")
                ? ", on " + SvgCharts.escape(run.settings().get("engine"))
                : "")
        .append(
            ". Latency = first <code>_search</code> that returns the record's document at the record's position or later − record timestamp (the record's intended time: open loop, queueing included).</p>\n");
    html.append("<p>").append(SvgCharts.escape(ComparisonTable.SAMPLE)).append(".</p>\n");
    for (var variant : run.variants()) {
      if (!variant.finished()) {
        html.append("<p class=\"unfinished\"><strong>")
            .append(SvgCharts.escape(ComparisonTable.notFinished(variant)))
            .append(":</strong> ")
            .append(SvgCharts.escape(String.join("; ", variant.unfinished())))
            .append("</p>\n");
      }
    }
    html.append(
        "<h2>Variants</h2>\n<table class=\"variants\"><tr><th>variant</th><th>exporter settings given</th><th>what runs</th><th>index refresh (the situation measured)</th></tr>\n");
    for (int v = 0; v < run.variants().size(); v++) {
      var variant = run.variants().get(v);
      html.append("<tr data-variant=\"")
          .append(SvgCharts.escape(variant.name()))
          .append("\"><td><span style=\"color:")
          .append(SvgCharts.color(v))
          .append("\">&#9632;</span> ")
          .append(SvgCharts.escape(variant.name()))
          .append("</td><td><code>")
          .append(SvgCharts.escape(ComparisonTable.settings(variant)))
          .append("</code></td><td>")
          .append(SvgCharts.escape(variant.description()))
          .append("</td><td>")
          .append(SvgCharts.escape(variant.refresh().map(IndexRefresh::describe).orElse("unknown")))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    html.append("<h2>Percentile distribution of visibility latency</h2>\n")
        .append(SvgCharts.percentileDistribution(run.variants()));
    html.append(
        "<h2>Percentiles (ms)</h2>\n<table><tr><th>variant</th><th>records/s</th><th>instance</th><th>n</th>");
    for (var p : Percentiles.TABLE) {
      html.append("<th>p")
          .append(ComparisonTable.fmt(p, p == Math.rint(p) ? 0 : 1))
          .append("</th>");
    }
    html.append("<th>max</th></tr>\n");
    for (var variant : run.variants()) {
      for (var kind : VariantResult.KIND_ORDER) {
        var visible = variant.stagesMicros().get(VariantResult.KINDS.get(kind));
        if (visible == null && !kind.equals("created")) {
          continue;
        }
        html.append("<tr><td>")
            .append(SvgCharts.escape(variant.name()))
            .append("</td><td>")
            .append(ComparisonTable.fmt(variant.recordsPerSecond(), 0))
            .append("</td><td>")
            .append(kind)
            .append("</td><td>")
            .append(visible == null ? 0 : visible.getTotalCount())
            .append("</td>");
        for (var p : Percentiles.TABLE) {
          html.append("<td>")
              .append(
                  visible == null ? "-" : ComparisonTable.fmt(Percentiles.millis(visible, p), 1))
              .append("</td>");
        }
        html.append("<td>")
            .append(visible == null ? "-" : ComparisonTable.fmt(Percentiles.maxMillis(visible), 1))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n<h2>Stages</h2>\n").append(SvgCharts.stageBars(run.variants()));
    html.append("<h2>Details</h2>\n<pre>")
        .append(SvgCharts.escape(ComparisonTable.render(run)))
        .append("</pre>\n");
    html.append("<h2>Settings</h2>\n<table>");
    run.settings()
        .forEach(
            (k, v) ->
                html.append(
                    String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td>%s</td></tr>",
                        SvgCharts.escape(k),
                        SvgCharts.escape(v))));
    html.append(
        "</table>\n<p>Each variant's histograms: <code>&lt;variant&gt;.hlog</code> (microseconds, one tag per stage), readable with HdrHistogram's <code>HistogramLogProcessor</code>; figures in <code>summary.json</code>.</p>\n");
    return html.append("</body></html>\n").toString();
  }
}
