package dev.sightline.probe.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.compare.Topology;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.es.ElasticsearchVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThroughputResultTest {

  private static final Topology ONE_NODE =
      new Topology("Elasticsearch 9.5.3", List.of(URI.create("http://127.0.0.1:9200")));

  private static ExporterRun exporter(String label, Map<String, String> settings, long millis) {
    return new ExporterRun(
        label, settings, 1_300, Duration.ofMillis(millis), 4, Duration.ofMillis(800), 30);
  }

  private static ThroughputRound round(int number, long directMillis, long rawMillis) {
    return new ThroughputRound(
        number,
        1_000,
        Duration.ofMillis(rawMillis),
        List.of(exporter("direct", Map.of(), directMillis)));
  }

  @Test
  void shouldReportTheLastRoundAsTheFigureAndTheEarlierOnesAsWarmUp() {
    // given a warm-up round and a measured one
    var result =
        new ThroughputResult(
            "r", ONE_NODE, 3, 10, 2_890, List.of(round(1, 4_000, 1_000), round(2, 2_000, 500)));

    // when
    var text = result.render();

    // then the ratio is raw time over direct time, from the last round
    var measured = result.measured();
    assertThat(measured.ratio(measured.variants().getFirst())).isEqualTo(0.25);
    assertThat(measured.variants().getFirst().meanFlushMillis()).isEqualTo(200);
    assertThat(text)
        .contains("1 (warm) direct exporter")
        .contains("(round 2; elapsed raw / elapsed exporter):")
        .contains("  direct: 0.25")
        .contains("2,890 records), Elasticsearch 9.5.3, 1 node, 0 replicas")
        .contains("2,000") // the raw bulk's documents/s in round 2: 1,000 in 0.5 s
        .contains("searches/s");
    // the visible stage's 30 searches in 2 s
    assertThat(measured.variants().getFirst().searchesPerSecond()).isEqualTo(15);
    assertThat(text).containsPattern("(?m)^2 +direct exporter .* 15\\.0$");
  }

  @Test
  void shouldGiveEveryVariantItsRatioToTheOneRawBulkOfItsRound() {
    // given two variants measured against one raw bulk of 500 ms
    var field = exporter("direct-field", Map.of("bulk.delay", "1s"), 2_000);
    var direct = exporter("direct", Map.of(), 1_000);
    var round = new ThroughputRound(1, 1_000, Duration.ofMillis(500), List.of(field, direct));
    var result = new ThroughputResult("r", ONE_NODE, 3, 10, 2_890, List.of(round));

    // when
    var text = result.render();

    // then
    assertThat(round.ratio(field)).isEqualTo(0.25);
    assertThat(round.ratio(direct)).isEqualTo(0.5);
    assertThat(text)
        .contains("  direct-field: bulk.delay=1s")
        .contains("  direct: defaults")
        .contains("direct-field exporter (from records)")
        .contains("direct exporter (from records)")
        .containsOnlyOnce("raw bulk (same final documents)")
        .contains("direct-field / raw (same documents)")
        .contains("  direct-field: 0.25")
        .contains("  direct: 0.50");
  }

  @Test
  void shouldRunSightlinesDefaultsUnlessVariantsAreGiven() {
    assertThat(options(1).variants()).containsExactly(Variant.DIRECT);
  }

  @Test
  void shouldRefuseAVariantOfAnotherDesign() {
    assertThatThrownBy(() -> options(List.of(Variant.TWO_HOP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--variant: throughput runs variants of Sightline's exporter only, not two-hop");
  }

  @Test
  void shouldNameTheOptionAndTheValueItRejects() {
    assertThatThrownBy(() -> options(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rounds must be at least 1, got 0");
  }

  private static ThroughputOptions options(List<Variant> variants) {
    return new ThroughputOptions(
        1,
        1,
        0,
        1,
        1,
        false,
        List.of(),
        ElasticsearchVersion.parse("9.5.3"),
        1,
        "1g",
        Path.of("x.jar"),
        variants,
        Optional.empty(),
        Path.of("out"));
  }

  private static ThroughputOptions options(int rounds) {
    return new ThroughputOptions(
        1,
        1,
        0,
        1,
        rounds,
        false,
        List.of(),
        ElasticsearchVersion.parse("9.5.3"),
        1,
        "1g",
        Path.of("x.jar"),
        Optional.empty(),
        Path.of("out"));
  }
}
