package dev.sightline.it.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.support.EsClients;
import dev.sightline.it.support.EsTarget;
import dev.sightline.it.support.RealElasticsearch;
import dev.sightline.probe.throughput.SustainedThroughput;
import dev.sightline.probe.throughput.ThroughputOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sightline throughput} end to end on a small backlog: the jar's exporters acknowledge
 * every record, the raw bulk reproduces exactly the documents they wrote (the command checks the
 * counts index by index and fails otherwise), the summary is written and no index is left behind.
 * Structure only: timings are the command's output, never asserted.
 */
@RealElasticsearch
class SustainedThroughputIT {

  @TempDir Path out;

  @Test
  void shouldCompareTheExporterWithARawBulkOfItsOwnDocumentsAndCleanUp(EsTarget es)
      throws Exception {
    // given a backlog of 12 root instances (72 process instances) on 2 partitions, bulks of 100
    var options =
        new ThroughputOptions(
            12,
            2,
            64,
            100,
            2,
            false,
            Optional.of(es.url()),
            es.version(),
            "512m",
            ExporterJarIT.exporterJar(),
            Optional.of(es.indexPrefix()),
            out);

    // when
    var result = SustainedThroughput.run(options, new PrintStream(OutputStream.nullOutputStream()));

    // then every round wrote the same read model, and more operations than final documents (partial
    // updates)
    assertThat(result.rounds()).hasSize(2);
    assertThat(result.records()).isGreaterThan(12 * 200);
    for (var round : result.rounds()) {
      assertThat(round.documents())
          .as("round %d", round.round())
          .isEqualTo(result.measured().documents());
      assertThat(round.documents()).isGreaterThan(72);
      assertThat(round.bulkOperations()).isGreaterThanOrEqualTo(round.documents());
      assertThat(round.flushes()).isPositive();
      assertThat(round.ratio()).isPositive();
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
    try (var client = EsClients.open(es.url())) {
      var indices =
          client.indices().get(g -> g.index(es.indexPrefix() + "-*").allowNoIndices(true)).result();
      assertThat(indices).isEmpty();
    }
  }
}
