package dev.sightline.probe.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A run's folder: one {@code <label>.hlog} per variant (one tag per stage, the whole run as one
 * interval, microsecond values), {@code summary.json} (the run's settings; per variant its label
 * ({@code name}), description, exporter settings, throughput, percentiles, probe figures) and
 * {@code report.html}. A variant that did not drain says so ({@code finished}, {@code unfinished})
 * in the summary, the table and the report. The histograms live in the {@code .hlog} files only;
 * {@link #read} rebuilds a run from the folder.
 */
public final class RunFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunFiles() {}

  public static void write(Path dir, RunResult run) throws IOException {
    Files.createDirectories(dir);
    for (var variant : run.variants()) {
      writeHlog(dir.resolve(variant.name() + ".hlog"), run.startedAt(), variant);
    }
    Files.writeString(
        dir.resolve("summary.json"), JSON.writeValueAsString(summary(run)), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.html"), HtmlReport.render(run), StandardCharsets.UTF_8);
  }

  private static void writeHlog(Path file, Instant start, VariantResult variant)
      throws IOException {
    try (var out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
      var writer = new HistogramLogWriter(out);
      writer.outputComment(
          "Sightline "
              + variant.name()
              + ": "
              + variant.description()
              + "; settings: "
              + ComparisonTable.settings(variant)
              + " (values in microseconds)");
      writer.outputLogFormatVersion();
      writer.outputStartTime(start.toEpochMilli());
      writer.setBaseTime(0);
      writer.outputLegend();
      for (var stage : variant.stagesMicros().entrySet()) {
        var histogram = stage.getValue().copy();
        histogram.setTag(stage.getKey());
        histogram.setStartTimeStamp(start.toEpochMilli());
        histogram.setEndTimeStamp(
            start.toEpochMilli() + Math.round(variant.measuredSeconds() * 1000));
        writer.outputIntervalHistogram(histogram);
      }
    }
  }

  static ObjectNode summary(RunResult run) {
    var root = JSON.createObjectNode();
    root.put("runId", run.runId());
    root.put("startedAt", run.startedAt().toString());
    var settings = root.putObject("settings");
    run.settings().forEach(settings::put);
    var variants = root.putArray("variants");
    for (var variant : run.variants()) {
      var node = variants.addObject();
      node.put("name", variant.name());
      node.put("description", variant.description());
      var variantSettings = node.putObject("settings");
      variant.settings().forEach(variantSettings::put);
      node.put("recordsAppended", variant.recordsAppended());
      node.put("recordsPerSecond", variant.recordsPerSecond());
      node.put("measuredSeconds", variant.measuredSeconds());
      node.put("finished", variant.finished());
      var unfinished = node.putArray("unfinished");
      variant.unfinished().forEach(unfinished::add);
      var probe = variant.probe();
      var probeNode = node.putObject("probe");
      probeNode.put("pollPeriodP50Millis", probe.pollPeriodP50Millis());
      probeNode.put("pollPeriodP99Millis", probe.pollPeriodP99Millis());
      probeNode.put("requestsPerSecond", probe.requestsPerSecond());
      probeNode.put("met", probe.met());
      probeNode.put("shed", probe.shed());
      probeNode.put("timedOut", probe.timedOut());
      probeNode.put("exporterSearchesPerSecond", probe.exporterSearchesPerSecond());
      variant
          .refresh()
          .ifPresent(
              refresh -> {
                var refreshNode = node.putObject("refresh");
                refreshNode.put("index", refresh.index());
                refreshNode.put("interval", refresh.interval());
                refreshNode.put("explicit", refresh.explicit());
                refreshNode.put("searchIdleAfter", refresh.searchIdleAfter());
              });
      var stages = node.putObject("stagesMillis");
      for (var stage : variant.stagesMicros().entrySet()) {
        var h = stage.getValue();
        var s = stages.putObject(stage.getKey());
        s.put("count", h.getTotalCount());
        s.put("mean", h.getMean() / 1000.0);
        for (var p : Percentiles.TABLE) {
          s.put("p" + ComparisonTable.fmt(p, p == Math.rint(p) ? 0 : 1), Percentiles.millis(h, p));
        }
        s.put("max", Percentiles.maxMillis(h));
      }
    }
    return root;
  }

  /** Rebuilds a run from its folder (for {@code ./sightline report <dir>}). */
  public static RunResult read(Path dir) throws IOException {
    var summary = JSON.readTree(dir.resolve("summary.json").toFile());
    var settings = new LinkedHashMap<String, String>();
    summary
        .path("settings")
        .properties()
        .forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
    var variants = new ArrayList<VariantResult>();
    for (var node : summary.path("variants")) {
      var name = node.path("name").asText();
      var probe = node.path("probe");
      var variantSettings = new LinkedHashMap<String, String>();
      node.path("settings")
          .properties()
          .forEach(e -> variantSettings.put(e.getKey(), e.getValue().asText()));
      variants.add(
          new VariantResult(
              name,
              node.path("description").asText(),
              variantSettings,
              node.path("recordsAppended").asLong(),
              node.path("recordsPerSecond").asDouble(),
              node.path("measuredSeconds").asDouble(),
              readHlog(dir.resolve(name + ".hlog")),
              new VariantResult.ProbeFigures(
                  probe.path("pollPeriodP50Millis").asDouble(),
                  probe.path("pollPeriodP99Millis").asDouble(),
                  probe.path("requestsPerSecond").asDouble(),
                  probe.path("met").asLong(),
                  probe.path("shed").asLong(),
                  probe.path("timedOut").asLong(),
                  probe.path("exporterSearchesPerSecond").asDouble()),
              unfinished(node),
              refresh(node.path("refresh"))));
    }
    return new RunResult(
        summary.path("runId").asText(),
        Instant.parse(summary.path("startedAt").asText()),
        settings,
        variants);
  }

  private static java.util.Optional<IndexRefresh> refresh(JsonNode refresh) {
    if (refresh.isMissingNode()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new IndexRefresh(
            refresh.path("index").asText(),
            refresh.path("interval").asText(),
            refresh.path("explicit").asBoolean(),
            refresh.path("searchIdleAfter").asText()));
  }

  private static List<String> unfinished(JsonNode variant) {
    var lines = new ArrayList<String>();
    variant.path("unfinished").forEach(line -> lines.add(line.asText()));
    return lines;
  }

  private static Map<String, Histogram> readHlog(Path file) throws IOException {
    var stages = new LinkedHashMap<String, Histogram>();
    try (var reader = new HistogramLogReader(file.toFile())) {
      for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
        var histogram = (Histogram) h;
        stages.merge(
            histogram.getTag(),
            histogram,
            (a, b) -> {
              a.add(b);
              return a;
            });
      }
    }
    return stages;
  }
}
