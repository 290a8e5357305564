package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegersTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0, 0",
    "42, 42",
    "-7, -7",
    "+7, 7",
    "007, 7",
    "' 12 ', 12",
    "2147483647, 2147483647"
  })
  void shouldReadDigitStrings(String text, int expected) {
    // given digits as an environment variable carries them
    // when
    var value = Integers.parse(text);
    // then
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void shouldReadIntegersAndLongs() {
    // given
    var values = List.<Object>of(12, 12L);
    // when
    var ints = values.stream().map(Integers::parse).toList();
    // then
    assertThat(ints).containsOnly(12);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.5",
        "abc",
        "true",
        "1e3",
        "0x10",
        "1_000",
        "2147483648",
        "99999999999999999999"
      })
  void shouldRefuseStringsThatAreNoInt(String text) {
    // given a string that is not a whole number in int range
    // when / then
    assertThatThrownBy(() -> Integers.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseOtherTypes() {
    // given
    var values = List.<Object>of(true, 1.5, 2.0f, 3_000_000_000L, List.of(1));
    // when / then
    for (var value : values) {
      assertThatThrownBy(() -> Integers.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Integers.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
