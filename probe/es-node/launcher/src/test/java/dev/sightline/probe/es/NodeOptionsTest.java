package dev.sightline.probe.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeOptionsTest {

  @Nested
  class Versions {

    @Test
    void shouldParseFullAndMajorVersionNumbers() {
      assertThat(ElasticsearchVersion.parse("9.5.3")).isEqualTo(ElasticsearchVersion.V9_5_3);
      assertThat(ElasticsearchVersion.parse("8")).isEqualTo(ElasticsearchVersion.V8_19_21);
    }

    @Test
    void shouldNameTheSupportedVersionsWhenRefusingOne() {
      assertThatThrownBy(() -> ElasticsearchVersion.parse("7.17.0"))
          .hasMessage(
              "Elasticsearch version must be one of 9.5.3, 8.19.21 (or its major version), but was '7.17.0'");
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest
    @ValueSource(strings = {"", "512", "0m", "1.5g", "-1g", "512mb"})
    void shouldRefuseAHeapThatIsNotAJvmSize(String heap) {
      assertThatThrownBy(() -> NodeOptions.defaults().withHeap(heap))
          .hasMessage("heap must be a JVM size such as 512m or 1g, but was '" + heap + "'");
    }

    @Test
    void shouldRefuseANonPositiveStartTimeout() {
      assertThatThrownBy(() -> NodeOptions.defaults().withStartTimeout(Duration.ZERO))
          .hasMessage("startTimeout must be positive, but was PT0S");
    }

    @Test
    void shouldAddSettingsWithoutChangingTheOriginal() {
      var base = NodeOptions.defaults();
      var changed = base.withSetting("indices.memory.index_buffer_size", "20%");
      assertThat(base.settings()).isEmpty();
      assertThat(changed.settings()).containsEntry("indices.memory.index_buffer_size", "20%");
    }
  }
}
