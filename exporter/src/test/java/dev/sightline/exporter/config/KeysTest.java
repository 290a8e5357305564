package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "connect.requestTimeout",
        "connect.requesttimeout",
        "connect.request-timeout",
        "connect.request_timeout",
        "CONNECT.REQUEST_TIMEOUT",
        "Connect.Request-Timeout"
      })
  void shouldIgnoreCaseDashesAndUnderscores(String key) {
    // given one key in any of the spellings Spring may hand over
    // when
    var path = Keys.path(key);
    // then
    assertThat(path).containsExactly("connect", "requesttimeout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"connect.url[1]", "connect.url.1", "Connect.URL[1]"})
  void shouldMakeIndicesSegmentsOfTheirOwn(String key) {
    // given an indexed key, Spring style or dotted
    // when
    var path = Keys.path(key);
    // then
    assertThat(path).containsExactly("connect", "url", "1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[0]", "url[0][1]"})
  void shouldReadBareAndRepeatedIndices(String key) {
    // given
    // when
    var path = Keys.path(key);
    // then
    assertThat(path).isEqualTo(key.startsWith("[") ? List.of("0") : List.of("url", "0", "1"));
  }
}
