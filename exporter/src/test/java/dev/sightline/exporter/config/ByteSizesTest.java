package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {

  @Nested
  class Parsing {

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({
      "512B, 512",
      "10KB, 10240",
      "20MB, 20971520",
      "1GB, 1073741824",
      "2TB, 2199023255552",
      "20mb, 20971520",
      "20Mb, 20971520",
      "1kb, 1024",
      "4096, 4096",
      "' 1KB ', 1024",
      "-1KB, -1024"
    })
    void shouldReadSpringDataSizeStrings(String text, long expected) {
      // given a size as written in YAML or an environment variable
      // when
      var bytes = ByteSizes.parse(text);
      // then
      assertThat(bytes).isEqualTo(expected);
    }

    @Test
    void shouldReadNumbersAsBytes() {
      // given
      var values = List.<Object>of(2048, 2048L);
      // when
      var sizes = values.stream().map(ByteSizes::parse).toList();
      // then
      assertThat(sizes).containsOnly(2048L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MB", "1.5MB", "20 MB", "20XB", "20M", "20MiB", "99999999999TB"})
    void shouldRefuseStringsThatAreNoByteSize(String text) {
      // given a string that is no byte size
      // when / then
      assertThatThrownBy(() -> ByteSizes.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseOtherTypes() {
      // given
      var values = List.<Object>of(true, 1.5, List.of("1KB"));
      // when / then
      for (var value : values) {
        assertThatThrownBy(() -> ByteSizes.parse(value))
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThatThrownBy(() -> ByteSizes.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Formatting {

    @ParameterizedTest(name = "{0} bytes are written {1}")
    @CsvSource({
      "0, 0B",
      "1, 1B",
      "1023, 1023B",
      "1024, 1KB",
      "1536, 1536B",
      "20971520, 20MB",
      "1073741824, 1GB"
    })
    void shouldWriteTheShortestExactForm(long bytes, String expected) {
      // given a number of bytes
      // when
      var text = ByteSizes.format(bytes);
      // then
      assertThat(text).isEqualTo(expected);
    }
  }
}
