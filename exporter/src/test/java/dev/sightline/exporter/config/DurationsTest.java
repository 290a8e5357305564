package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Nested
  class Parsing {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
      "500ms, PT0.5S",
      "5s, PT5S",
      "2m, PT2M",
      "1h, PT1H",
      "1d, PT24H",
      "250, PT0.25S",
      "PT5S, PT5S",
      "pt1m30s, PT1M30S",
      "1500us, PT0.0015S",
      "7ns, PT0.000000007S",
      "5S, PT5S",
      "10MS, PT0.01S",
      "' 3s ', PT3S",
      "-5s, PT-5S",
      "+5s, PT5S"
    })
    void shouldReadSpringDurationStrings(String text, String expected) {
      // given a duration as written in YAML or an environment variable
      // when
      var duration = Durations.parse(text);
      // then
      assertThat(duration).isEqualTo(Duration.parse(expected));
    }

    @Test
    void shouldReadNumbersAsMillisecondsAndDurationsAsThemselves() {
      // given
      var values = List.<Object>of(1500, 1500L, Duration.ofMillis(1500));
      // when
      var durations = values.stream().map(Durations::parse).toList();
      // then
      assertThat(durations).containsOnly(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "abc", "5 s", "5sec", "1.5s", "5w", "PT", "P5", "s", "99999999999999999d"})
    void shouldRefuseStringsThatAreNoDuration(String text) {
      // given a string that is no duration
      // when / then
      assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseOtherTypes() {
      // given
      var values = List.<Object>of(true, 1.5, List.of("5s"));
      // when / then
      for (var value : values) {
        assertThatThrownBy(() -> Durations.parse(value))
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Formatting {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
      "PT0S, 0ms",
      "PT0.001S, 1ms",
      "PT1.5S, 1500ms",
      "PT30S, 30s",
      "PT90S, 90s",
      "PT10M, 10m",
      "PT1H, 1h",
      "PT48H, 2d",
      "PT0.0000015S, PT0.0000015S"
    })
    void shouldWriteTheShortestExactForm(String iso, String expected) {
      // given
      var duration = Duration.parse(iso);
      // when
      var text = Durations.format(duration);
      // then
      assertThat(text).isEqualTo(expected);
    }
  }
}
