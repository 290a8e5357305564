package dev.sightline.it.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.cli.SightlineCommand;
import dev.sightline.probe.report.RunFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./sightline compare --variant …} on a real node, with a workload of 2 s on one partition:
 * two variants of Sightline's exporter with different settings run one after the other and are
 * reported side by side with their settings; another exporter's jar is watched where its variant
 * says its documents land; a setting the jar does not know fails before anything runs.
 */
@RealEngines
class CompareVariantsIT {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int compare(EngineTarget es, String... variants) {
    var args =
        new ArrayList<>(
            List.of(
                "compare",
                "--es=" + es.url(),
                "--jar=" + ExporterJarIT.exporterJar(),
                "--two-hop-jar=" + ExporterJarIT.twoHopJar(),
                "--out=" + dir.resolve("out"),
                "--rate=5",
                "--partitions=1",
                "--duration=2s",
                "--warm-up=0s",
                "--payload=64",
                "--drain-timeout=60s"));
    for (var variant : variants) {
      args.add("--variant=" + variant);
    }
    return new CommandLine(new SightlineCommand())
        .setErr(new PrintWriter(err, true))
        .execute(args.toArray(String[]::new));
  }

  private Path runFolder() throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("out"))) {
      return runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  private static Map<String, String> settings(JsonNode variant) {
    var settings = new java.util.LinkedHashMap<String, String>();
    variant
        .path("settings")
        .properties()
        .forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
    return settings;
  }

  @Test
  void shouldReportTwoDirectVariantsWithDifferentSettingsSideBySide(EngineTarget es)
      throws Exception {
    // when
    var exitCode = compare(es, "direct:bulk.delay=200ms", "direct:bulk.delay=50ms,bulk.size=500");

    // then
    assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
    var run = runFolder();
    var summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    var variants = summary.path("variants");
    assertThat(variants).hasSize(2);
    assertThat(variants.get(0).path("name").asText()).isEqualTo("direct");
    assertThat(settings(variants.get(0))).containsExactly(Map.entry("bulk.delay", "200ms"));
    assertThat(variants.get(1).path("name").asText()).isEqualTo("direct#2");
    assertThat(settings(variants.get(1)))
        .containsExactly(Map.entry("bulk.delay", "50ms"), Map.entry("bulk.size", "500"));
    for (var variant : variants) {
      assertThat(variant.path("finished").asBoolean(false)).as("%s finished", variant).isTrue();
    }
    assertThat(run.resolve("direct.hlog")).isNotEmptyFile();
    assertThat(run.resolve("direct#2.hlog")).isNotEmptyFile();
    var read = RunFiles.read(run);
    for (var label : List.of("direct", "direct#2")) {
      var variant = read.variant(label).orElseThrow();
      assertThat(variant.visible().getTotalCount()).as("%s visible", label).isPositive();
      assertThat(variant.stagesMicros()).as("%s stages", label).containsKey("flushed");
    }
    assertThat(Files.readString(run.resolve("report.html")))
        .contains("<polyline class=\"series\" data-variant=\"direct\"")
        .contains("<polyline class=\"series\" data-variant=\"direct#2\"")
        .contains("<code>bulk.delay=50ms, bulk.size=500</code>");
  }

  @Test
  void shouldWatchAnotherExportersJarWhereItsVariantSaysItsDocumentsLand(EngineTarget es)
      throws Exception {
    // given the two-hop record-index exporter's jar as another exporter: it writes every record
    // into <prefix>_process-instance_… with the id <partition>-<position>, as Zeebe's does
    var variant =
        "jar="
            + ExporterJarIT.twoHopJar()
            + ",class=dev.sightline.probe.twohop.recordindex.RecordIndexExporter"
            + ",watch.index={prefix}-process-instance,watch.id=partition-position"
            + ",connect.url={es},index.prefix={prefix},bulk.delay=100ms"
            + ",latency.hlog.path={hlog},latency.hlog.interval=1s,label=records";

    // when
    var exitCode = compare(es, variant);

    // then
    assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
    var records = RunFiles.read(runFolder()).variant("records").orElseThrow();
    assertThat(records.finished()).isTrue();
    assertThat(records.visible().getTotalCount()).isPositive();
    assertThat(records.stagesMicros()).as("its .hlog, read from {hlog}").containsKey("flushed");
    assertThat(records.settings())
        .containsEntry("watch.id", "partition-position")
        .containsEntry("bulk.delay", "100ms");
  }

  @Test
  void shouldRefuseASettingTheJarDoesNotKnowBeforeAnythingRuns(EngineTarget es) {
    // given Sightline's jar loaded as another exporter, so that only its configure checks
    var variant =
        "jar="
            + ExporterJarIT.exporterJar()
            + ",class=dev.sightline.exporter.SightlineExporter"
            + ",watch.index={prefix}-process-instance-v2,watch.id=key"
            + ",connect.url={es},index.prefix={prefix},bulk.dlay=1s,label=typo";

    // when
    var exitCode = compare(es, "direct", variant);

    // then
    assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElseThrow())
        .startsWith("variant 'typo' (jar=")
        .contains("refused: Exporter 'typo' failed validation:")
        .contains("bulk.dlay: unknown setting");
    assertThat(dir.resolve("out")).as("nothing ran").doesNotExist();
  }
}
