package dev.sightline.probe.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @TempDir Path dir;

  @Test
  void shouldPrintPercentilesOfBothVariantsAndTheirRatio() {
    var table = ComparisonTable.render(SampleRuns.run());

    assertThat(table).contains("p50").contains("p99.9");
    // uniform 100–1,000 ms: p50 ≈ 550 ms (HdrHistogram: 3 significant digits)
    assertThat(table).contains(ComparisonTable.SAMPLE);
    assertThat(table).contains("the exporter's visible stage: 12.5 searches/s");
    assertThat(table).containsPattern("(?m)^direct\\s+2000\\s+created\\s+1000\\s+549\\.\\d");
    // completed: uniform 200–1,200 ms, p50 ≈ 700 ms
    assertThat(table).containsPattern("(?m)^direct\\s+2000\\s+completed\\s+1000\\s+699\\.\\d");
    // p50: two-hop ≈ 5,000 ms over direct ≈ 550 ms; max: 8,000 / 1,000; completed 6,000 / 700
    assertThat(table)
        .containsPattern("(?m)^two-hop ÷ direct\\s+created\\s+9\\.\\d\\d×.*\\s8\\.00×$")
        .containsPattern("(?m)^two-hop ÷ direct\\s+completed\\s+8\\.\\d\\d×.*\\s8\\.00×$");
  }

  @Test
  void shouldSayWhichRefreshSituationEachVariantRanUnderInTableSummaryAndReport() throws Exception {
    // given
    var run = SampleRuns.run();

    // when
    RunFiles.write(dir, run);
    var read = RunFiles.read(dir);

    // then
    assertThat(ComparisonTable.render(run))
        .contains("Index refresh (the situation measured)")
        .contains("  direct: p-pi: refresh_interval 1s, the default (not set)");
    assertThat(read.variant("direct").orElseThrow().refresh())
        .contains(new IndexRefresh("p-pi", "1s", false, "30s"));
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("p-pi: refresh_interval 1s, the default (not set)");
  }

  @Test
  void shouldSayOnWhichNodesAndReplicasTheRunRanInSummaryAndReport() throws Exception {
    // given the settings of a run on a three-node cluster (CompareOptions.describe)
    var sample = SampleRuns.run();
    var settings = new LinkedHashMap<>(sample.settings());
    settings.put("engine", "Elasticsearch 9.5.3, 3 nodes, 1 replica (embedded, heap 512m each)");
    settings.put("nodes", "3");
    settings.put("replicas", "1");
    var run = new RunResult(sample.runId(), sample.startedAt(), settings, sample.variants());

    // when
    RunFiles.write(dir, run);

    // then
    var summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("settings").path("engine").asText())
        .isEqualTo("Elasticsearch 9.5.3, 3 nodes, 1 replica (embedded, heap 512m each)");
    assertThat(summary.path("settings").path("nodes").asText()).isEqualTo("3");
    assertThat(summary.path("settings").path("replicas").asText()).isEqualTo("1");
    assertThat(Files.readString(dir.resolve("report.html")))
        .as("said under the title, not only in the settings table")
        .contains(
            ", on Elasticsearch 9.5.3, 3 nodes, 1 replica (embedded, heap 512m each). Latency =");
  }

  @Test
  void shouldWriteFilesThatReadBackToTheSamePercentiles() throws Exception {
    // given
    var run = SampleRuns.run();

    // when
    RunFiles.write(dir, run);
    var read = RunFiles.read(dir);

    // then
    assertThat(dir.resolve("direct.hlog")).exists();
    assertThat(dir.resolve("two-hop.hlog")).exists();
    assertThat(read.runId()).isEqualTo(run.runId());
    for (var variant : run.variants()) {
      var again = read.variant(variant.name()).orElseThrow();
      assertThat(again.stagesMicros().keySet())
          .containsExactlyElementsOf(variant.stagesMicros().keySet());
      for (var stage : variant.stagesMicros().keySet()) {
        assertThat(again.stagesMicros().get(stage).getValueAtPercentile(99))
            .isEqualTo(variant.stagesMicros().get(stage).getValueAtPercentile(99));
      }
    }
    assertThat(Files.readString(dir.resolve("summary.json")))
        .contains("\"p99.9\"")
        .contains("\"recordsPerSecond\"");
    assertThat(read.variant("direct").orElseThrow().probe().exporterSearchesPerSecond())
        .isEqualTo(12.5);
  }

  @Test
  void shouldDrawOneSeriesPerVariantAndBarsPerStageWithoutExternalResources() throws Exception {
    RunFiles.write(dir, SampleRuns.run());
    var html = Files.readString(dir.resolve("report.html"));

    assertThat(html).contains("<svg id=\"percentile-chart\"").contains("<svg id=\"stage-chart\"");
    assertThat(html.split("<polyline class=\"series\"", -1)).hasSize(3);
    assertThat(html.split("<polyline class=\"series-completed\"", -1))
        .as("a dashed curve of completions per variant")
        .hasSize(3);
    assertThat(html).contains("data-variant=\"direct\"").contains("data-stage=\"record-visible\"");
    assertThat(html).contains("<td>completed</td>");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("href=");
  }

  @Test
  void shouldSayInTableSummaryAndReportThatAVariantDidNotFinish() throws Exception {
    // given a run whose direct variant did not drain
    var sample = SampleRuns.run();
    var direct = sample.variant("direct").orElseThrow();
    var unfinished =
        new VariantResult(
            direct.name(),
            direct.description(),
            direct.recordsAppended(),
            direct.recordsPerSecond(),
            direct.measuredSeconds(),
            direct.stagesMicros(),
            direct.probe(),
            List.of("partition 2: the exporter acknowledged nothing, the last record is at 99"));
    var run =
        new RunResult(
            sample.runId(),
            sample.startedAt(),
            sample.settings(),
            List.of(sample.variant("two-hop").orElseThrow(), unfinished));

    // when
    RunFiles.write(dir, run);
    var read = RunFiles.read(dir);

    // then
    assertThat(run.finished()).isFalse();
    assertThat(ComparisonTable.render(run))
        .contains("direct did NOT finish")
        .contains("partition 2: the exporter acknowledged nothing");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("direct did NOT finish");
    assertThat(read.variant("direct").orElseThrow().unfinished())
        .containsExactly(
            "partition 2: the exporter acknowledged nothing, the last record is at 99");
    assertThat(read.variant("two-hop").orElseThrow().finished()).isTrue();
    assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"finished\" : false");
  }

  @Test
  void shouldListThreeVariantsWithTheirSettingsAndCompareEachWithTheLast() {
    // when
    var table = ComparisonTable.render(SampleRuns.run(3));

    // then the header says what each variant is and which settings it gave
    assertThat(table.lines().limit(4))
        .containsExactly(
            "Variants (label, exporter settings given, what runs)",
            "  two-hop       defaults       record exporter + importer, 8.6 defaults",
            "  direct-field  bulk.delay=1s  Sightline exporter with the field's one-hop defaults",
            "  direct        defaults       Sightline, defaults");
    // a row each, and each against the last: direct-field p50 ≈ 2,000 ms over direct ≈ 550 ms
    assertThat(table).containsPattern("(?m)^two-hop\\s+2000\\s+created\\s+1000\\s+4\\d{3}\\.\\d");
    assertThat(table)
        .containsPattern("(?m)^direct-field\\s+2000\\s+created\\s+1000\\s+\\d{4}\\.\\d");
    assertThat(table)
        .containsPattern("(?m)^two-hop ÷ direct\\s+created\\s+9\\.\\d\\d×")
        .containsPattern("(?m)^direct-field ÷ direct\\s+created\\s+3\\.\\d\\d×.*\\s3\\.00×$")
        .doesNotContainPattern("(?m)^direct-field ÷ direct\\s+completed");
    assertThat(table).containsPattern("(?m)^stage\\s+two-hop\\s+direct-field\\s+direct$");
  }

  @Test
  void shouldWriteFourVariantsThatReadBackWithTheirLabelsSettingsAndPercentiles() throws Exception {
    // given
    var run = SampleRuns.run(4);

    // when
    RunFiles.write(dir, run);
    var read = RunFiles.read(dir);

    // then
    assertThat(read.variants())
        .extracting(VariantResult::name)
        .containsExactly("two-hop", "direct-field", "direct", "direct#2");
    for (var variant : run.variants()) {
      assertThat(dir.resolve(variant.name() + ".hlog")).exists();
      var again = read.variant(variant.name()).orElseThrow();
      assertThat(again.settings()).isEqualTo(variant.settings());
      assertThat(again.description()).isEqualTo(variant.description());
      assertThat(again.visible().getValueAtPercentile(99))
          .isEqualTo(variant.visible().getValueAtPercentile(99));
    }
    assertThat(Files.readString(dir.resolve("summary.json")))
        .containsPattern(
            "\"name\" : \"direct#2\",\\s+\"description\" : \"[^\"]+\",\\s+\"settings\" : \\{\\s+\"bulk.delay\" : \"200ms\"\\s+}");
  }

  @Test
  void shouldDrawEveryVariantsCurveAndBarsAndListItsSettingsInTheReport() throws Exception {
    // when
    RunFiles.write(dir, SampleRuns.run(4));
    var html = Files.readString(dir.resolve("report.html"));

    // then one curve each, in its own colour, and bars for each
    assertThat(html.split("<polyline class=\"series\"", -1)).hasSize(5);
    var colours = new java.util.HashSet<String>();
    for (var label : List.of("two-hop", "direct-field", "direct", "direct#2")) {
      var curve =
          java.util.regex.Pattern.compile(
                  "<polyline class=\"series\" data-variant=\""
                      + java.util.regex.Pattern.quote(label)
                      + "\" fill=\"none\" stroke-width=\"3\" stroke=\"(#[0-9a-f]{6})\" points=\"[^\"]+\"/>")
              .matcher(html);
      assertThat(curve.find()).as("%s's curve", label).isTrue();
      colours.add(curve.group(1));
      assertThat(html)
          .contains("<rect class=\"bar\" data-variant=\"" + label + "\" data-stage=\"visible\"");
    }
    assertThat(colours).hasSize(4);
    // and the variants' table with their settings
    assertThat(html)
        .contains("<tr data-variant=\"direct#2\">")
        .contains("<code>bulk.delay=200ms</code>")
        .contains("<code>bulk.delay=1s</code>")
        .contains("two-hop vs direct-field vs direct vs direct#2");
  }

  @Test
  void shouldRoundTheAxisUpToOneTwoOrFive() {
    assertThat(SvgCharts.niceCeiling(7.3)).isEqualTo(10);
    assertThat(SvgCharts.niceCeiling(1_234)).isEqualTo(2_000);
    assertThat(SvgCharts.niceCeiling(4_100)).isEqualTo(5_000);
  }
}
