package dev.sightline.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.host.config.ExporterConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsMapperTest {

  enum Mode {
    DIRECT,
    TWO_HOP
  }

  /** A typical exporter config class: mutable fields with defaults. */
  public static final class SampleConfig {
    public String url = "http://localhost:9200";
    public int bulkSize = 1000;
    public Duration flushDelay = Duration.ofSeconds(5);
    public Mode mode = Mode.DIRECT;
    public List<String> hosts = List.of();
    public Bulk bulk = new Bulk();
  }

  public static final class Bulk {
    public int size = 1;
  }

  @Test
  void shouldMapArgsCaseInsensitivelyKeepingDefaultsAndIgnoringUnknownKeys() {
    // given: keys as env vars give them (lower case, Strings)
    var configuration =
        new ExporterConfiguration(
            "sightline",
            Map.of(
                "bulksize",
                "10",
                "flushdelay",
                "PT0.5S",
                "mode",
                "two_hop",
                "unknown",
                "x",
                "bulk",
                Map.of("size", "7")));

    // when
    SampleConfig config = configuration.instantiate(SampleConfig.class);

    // then
    assertThat(config.bulkSize).isEqualTo(10);
    assertThat(config.flushDelay).isEqualTo(Duration.ofMillis(500));
    assertThat(config.mode).isEqualTo(Mode.TWO_HOP);
    assertThat(config.bulk.size).isEqualTo(7);
    assertThat(config.url)
        .as("not given: keeps its initial value")
        .isEqualTo("http://localhost:9200");
  }

  @Test
  void shouldAcceptSpringIndexedListsAndPlainLists() {
    // given
    var indexed = new ExporterConfiguration("x", Map.of("hosts", Map.of("1", "b", "0", "a")));
    var plain = new ExporterConfiguration("x", Map.of("hosts", List.of("a", "b")));

    // when / then
    assertThat(indexed.instantiate(SampleConfig.class).hosts).containsExactly("a", "b");
    assertThat(plain.instantiate(SampleConfig.class).hosts).containsExactly("a", "b");
  }

  @Test
  void shouldRejectAnIndexedListWithAGap() {
    var configuration = new ExporterConfiguration("x", Map.of("hosts", Map.of("0", "a", "2", "c")));

    assertThatThrownBy(() -> configuration.instantiate(SampleConfig.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("List index 1 is missing");
  }
}
