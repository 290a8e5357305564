package dev.sightline.it.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.cli.SightlineCommand;
import dev.sightline.probe.compare.CompareOptions;
import dev.sightline.probe.compare.Comparison;
import dev.sightline.probe.compare.ExporterJars;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.report.RunFiles;
import dev.sightline.probe.workload.WorkloadSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The comparison's end of a variant on a real node, with a workload of 2 s on one partition: a run
 * whose exporter never acknowledges does not drain within its drain timeout, says which variant did
 * not finish and fails; a run whose exporter drains succeeds. The exporters' {@code .hlog} files
 * are read once the host has closed them (their last interval is written at close).
 */
@RealEngines
class CompareDrainIT {

  private static final WorkloadSpec TWO_SECONDS =
      WorkloadSpec.defaults()
          .withRate(5)
          .withPartitions(1)
          .withDuration(Duration.ofSeconds(2), Duration.ZERO)
          .withPayloadBytes(64)
          .withSeed(7);

  @TempDir Path dir;

  private CompareOptions options(EngineTarget es, Path directJar, Duration drainTimeout) {
    return new CompareOptions(
        TWO_SECONDS,
        List.of(es.url()),
        es.version(),
        1,
        "512m",
        dir.resolve("out"),
        new ExporterJars(directJar, ExporterJarIT.twoHopJar()),
        drainTimeout);
  }

  private Path runFolder() throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("out"))) {
      return runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void shouldExitNonZeroNamingTheVariantThatDidNotFinish(EngineTarget es) throws Exception {
    // given an exporter that never acknowledges
    var jar = StalledExporterJar.writeTo(dir.resolve("jar"));
    var err = new StringWriter();
    var cli = new CommandLine(new SightlineCommand()).setErr(new PrintWriter(err, true));

    // when
    var exitCode =
        cli.execute(
            "run",
            "--variant=direct",
            "--es=" + es.url(),
            "--jar=" + jar,
            "--out=" + dir.resolve("out"),
            "--rate=5",
            "--partitions=1",
            "--duration=2s",
            "--warm-up=0s",
            "--payload=64",
            "--drain-timeout=1s");

    // then
    assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(3);
    assertThat(err.toString())
        .contains("direct did not finish")
        .contains("partition 1")
        .doesNotContain("\tat ");
    var summary = new ObjectMapper().readTree(runFolder().resolve("summary.json").toFile());
    var direct = summary.path("variants").get(0);
    assertThat(direct.path("finished").asBoolean(true)).as("summary.json: finished").isFalse();
    assertThat(direct.path("unfinished").toString()).contains("partition 1");
  }

  @Test
  void shouldReadTheLastIntervalAnExporterWritesWhenItCloses(EngineTarget es) throws Exception {
    // given an exporter that writes its latency log only when closed (and never acknowledges)
    var jar = StalledExporterJar.writeTo(dir.resolve("jar"));
    var out = new ByteArrayOutputStream();

    // when
    var thrown =
        catchThrowable(
            () ->
                Comparison.run(
                    options(es, jar, Duration.ofSeconds(1)),
                    List.of(Variant.DIRECT),
                    new PrintStream(out, true, StandardCharsets.UTF_8)));

    // then the interval written at close is in the results
    var direct = RunFiles.read(runFolder()).variant("direct").orElseThrow();
    assertThat(direct.stagesMicros())
        .as("stages read from the exporter's .hlog")
        .containsKey("flushed");
    assertThat(direct.stagesMicros().get("flushed").getTotalCount()).isPositive();
    // and the run failed, naming the variant
    assertThat(thrown).as("Comparison.run's failure").hasMessageContaining("direct did not finish");
  }

  @Test
  void shouldFinishWhenEveryRecordIsAcknowledgedAndVisibleAndPrintPlainProgressLines(
      EngineTarget es) throws Exception {
    // given the real exporter, and an output that is not a terminal
    var out = new ByteArrayOutputStream();

    // when
    var runDir =
        Comparison.run(
            options(es, ExporterJarIT.exporterJar(), Duration.ofSeconds(60)),
            List.of(Variant.DIRECT),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    // then
    var printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).as("no carriage-return frames without a terminal").doesNotContain("\r");
    assertThat(printed.lines().filter(line -> line.startsWith("direct [")))
        .as("progress lines")
        .isNotEmpty();
    var summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
    assertThat(summary.path("variants").get(0).path("finished").asBoolean(false))
        .as("summary.json: finished; the run printed:%n%s", printed)
        .isTrue();
    var direct = RunFiles.read(runDir).variant("direct").orElseThrow();
    assertThat(direct.visible().getTotalCount()).isPositive();
    assertThat(direct.stagesMicros()).containsKey("flushed");
  }
}
