package dev.sightline.probe.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.es.ElasticsearchVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThroughputResultTest {

  private static ThroughputRound round(int number, long directMillis, long rawMillis) {
    return new ThroughputRound(
        number,
        1_300,
        1_000,
        Duration.ofMillis(directMillis),
        4,
        Duration.ofMillis(800),
        Duration.ofMillis(rawMillis));
  }

  @Test
  void shouldReportTheLastRoundAsTheFigureAndTheEarlierOnesAsWarmUp() {
    // given a warm-up round and a measured one
    var result =
        new ThroughputResult(
            "r", "9.5.3", 3, 10, 2_890, List.of(round(1, 4_000, 1_000), round(2, 2_000, 500)));

    // when
    var text = result.render();

    // then the ratio is raw time over direct time, from the last round
    assertThat(result.measured().ratio()).isEqualTo(0.25);
    assertThat(result.measured().meanFlushMillis()).isEqualTo(200);
    assertThat(text)
        .contains("1 (warm) direct exporter")
        .contains("(round 2): 0.25")
        .contains("2,890 records")
        .contains("2,000"); // the raw bulk's documents/s in round 2: 1,000 in 0.5 s
  }

  @Test
  void shouldNameTheOptionAndTheValueItRejects() {
    assertThatThrownBy(() -> options(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rounds must be at least 1, got 0");
  }

  private static ThroughputOptions options(int rounds) {
    return new ThroughputOptions(
        1,
        1,
        0,
        1,
        rounds,
        false,
        Optional.empty(),
        ElasticsearchVersion.parse("9.5.3"),
        "1g",
        Path.of("x.jar"),
        Optional.empty(),
        Path.of("out"));
  }
}
