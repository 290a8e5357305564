package dev.sightline.it.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.compare.NamedVariants;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.compare.VariantParser;
import dev.sightline.probe.throughput.ExporterRun;
import dev.sightline.probe.throughput.SustainedThroughput;
import dev.sightline.probe.throughput.ThroughputOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sightline throughput} end to end on a small backlog, with two variants of the exporter's
 * settings: each variant's exporters acknowledge every record, the one raw bulk of each round
 * reproduces exactly the documents every variant wrote (the command checks the counts index by
 * index and fails otherwise), the summary is written and no index is left behind. Structure only:
 * timings are the command's output, never asserted.
 */
@RealEngines
class SustainedThroughputIT {

  @TempDir Path out;

  @Test
  void shouldCompareTheExporterWithARawBulkOfItsOwnDocumentsAndCleanUp(EngineTarget es)
      throws Exception {
    // given a backlog of 12 root instances (72 process instances) on 2 partitions, bulks of 100,
    // for Sightline's defaults and for a variant with bulks of 50
    var variants =
        Variant.labelled(List.of(NamedVariants.DIRECT, VariantParser.parse("direct:bulk.size=50")));
    var options =
        new ThroughputOptions(
            12,
            2,
            64,
            100,
            2,
            false,
            List.of(es.url()),
            es.version(),
            1,
            "512m",
            ExporterJarIT.exporterJar(),
            variants,
            Optional.of(es.indexPrefix()),
            out);

    // when
    var result = SustainedThroughput.run(options, new PrintStream(OutputStream.nullOutputStream()));

    // then every round wrote the same read model with each variant, and more operations than final
    // documents (partial updates)
    assertThat(result.rounds()).hasSize(2);
    assertThat(result.records()).isGreaterThan(12 * 200);
    for (var round : result.rounds()) {
      assertThat(round.documents())
          .as("round %d", round.round())
          .isEqualTo(result.measured().documents());
      assertThat(round.documents()).isGreaterThan(72);
      assertThat(round.variants())
          .extracting(ExporterRun::label)
          .containsExactly("direct", "direct#2");
      for (var variant : round.variants()) {
        assertThat(variant.bulkOperations()).isGreaterThanOrEqualTo(round.documents());
        assertThat(variant.flushes()).isPositive();
        assertThat(round.ratio(variant)).isPositive();
      }
    }

    // and the summary holds the measured round; the node holds nothing of the run
    var runDir =
        Files.list(out)
            .filter(path -> path.getFileName().toString().startsWith("throughput-"))
            .findFirst()
            .orElseThrow();
    var summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
    assertThat(summary.path("measuredRound").asInt()).isEqualTo(2);
    assertThat(summary.path("rounds")).hasSize(2);
    assertThat(summary.path("ratios").has("direct")).isTrue();
    assertThat(summary.path("ratios").has("direct#2")).isTrue();
    assertThat(
            summary
                .path("rounds")
                .get(1)
                .path("variants")
                .get(1)
                .path("settings")
                .path("bulk.size")
                .asText())
        .isEqualTo("50");
    try (var client = EngineClient.open(es.url())) {
      assertThat(client.indices(es.indexPrefix() + "-*")).isEmpty();
    }
  }
}
