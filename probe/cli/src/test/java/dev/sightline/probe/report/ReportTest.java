package dev.sightline.probe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(table.lines().filter(l -> l.startsWith("direct")).findFirst().orElseThrow())
        .matches("direct\\s+2000\\s+1000\\s+549\\.\\d.*");
    // p50: two-hop ≈ 5,000 ms over direct ≈ 550 ms; max: 8,000 / 1,000
    assertThat(
            table.lines().filter(l -> l.startsWith("two-hop ÷ direct")).findFirst().orElseThrow())
        .matches("two-hop ÷ direct\\s+9\\.\\d\\d×.*\\s8\\.00×");
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
  }

  @Test
  void shouldDrawOneSeriesPerVariantAndBarsPerStageWithoutExternalResources() throws Exception {
    RunFiles.write(dir, SampleRuns.run());
    var html = Files.readString(dir.resolve("report.html"));

    assertThat(html).contains("<svg id=\"percentile-chart\"").contains("<svg id=\"stage-chart\"");
    assertThat(html.split("<polyline class=\"series\"", -1)).hasSize(3);
    assertThat(html).contains("data-variant=\"direct\"").contains("data-stage=\"record-visible\"");
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
  void shouldRoundTheAxisUpToOneTwoOrFive() {
    assertThat(SvgCharts.niceCeiling(7.3)).isEqualTo(10);
    assertThat(SvgCharts.niceCeiling(1_234)).isEqualTo(2_000);
    assertThat(SvgCharts.niceCeiling(4_100)).isEqualTo(5_000);
  }
}
