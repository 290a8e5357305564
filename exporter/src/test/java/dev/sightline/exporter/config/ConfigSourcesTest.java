package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.ExpectedMessages.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes in which the broker hands settings over: YAML maps, dotted keys, environment
 * variables, lists.
 */
class ConfigSourcesTest {

  private static final RetentionConfig DEFAULT_RETENTION =
      new RetentionConfig(
          false, Duration.ofDays(30), Duration.ofMinutes(1), 100, 5_000, Duration.ofMinutes(15));

  private static final ExporterConfig CUSTOM =
      new ExporterConfig(
          new ConnectConfig(
              List.of(URI.create("http://es1:9200"), URI.create("https://es2:9243")),
              Optional.of("elastic"),
              Optional.of(new Secret("changeme")),
              Optional.empty(),
              Duration.ofSeconds(5)),
          new IndexConfig("ops", 3, 1, 500),
          new BulkConfig(500, Duration.ofMillis(250), 10 * 1024 * 1024, 2, Duration.ZERO),
          new VisibilityConfig(
              RefreshPolicy.AFTER_BULK, Duration.ofMillis(30), Duration.ofSeconds(1)),
          new RetryConfig(Duration.ofMinutes(1)),
          new VariablesConfig(8191),
          new ErrorsConfig(RejectionPolicy.DEAD_LETTER),
          new LatencyConfig(
              Optional.empty(),
              Duration.ofSeconds(10),
              32 * 1024 * 1024,
              Duration.ofDays(1),
              7,
              new VisibleStageConfig(true, 10, 20, 10_000, Duration.ofMinutes(2))),
          new ImportersConfig(
              Duration.ofSeconds(10),
              List.of("operate-import-position*", "tasklist-import-position*"),
              "zeebe-record"),
          DEFAULT_RETENTION);

  @Nested
  class Defaults {

    @Test
    void shouldUseEveryDefaultForAnEmptyOrMissingArgsMap() {
      // given
      var expected =
          new ExporterConfig(
              new ConnectConfig(
                  List.of(URI.create("http://localhost:9200")),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Duration.ofSeconds(30)),
              new IndexConfig("sightline", 1, 0, 500),
              new BulkConfig(1000, Duration.ofSeconds(1), 20 * 1024 * 1024, 2, Duration.ZERO),
              new VisibilityConfig(
                  RefreshPolicy.AFTER_BULK, Duration.ofMillis(30), Duration.ofSeconds(1)),
              new RetryConfig(Duration.ofSeconds(10)),
              new VariablesConfig(8191),
              new ErrorsConfig(RejectionPolicy.DEAD_LETTER),
              new LatencyConfig(
                  Optional.empty(),
                  Duration.ofSeconds(10),
                  32 * 1024 * 1024,
                  Duration.ofDays(1),
                  7,
                  new VisibleStageConfig(true, 10, 20, 10_000, Duration.ofMinutes(2))),
              new ImportersConfig(
                  Duration.ofSeconds(10),
                  List.of("operate-import-position*", "tasklist-import-position*"),
                  "zeebe-record"),
              DEFAULT_RETENTION);
      // when
      var fromEmpty = ConfigParser.parse(Map.of());
      var fromNull = ConfigParser.parse(null);
      // then
      assertThat(fromEmpty)
          .isEqualTo(expected)
          .isEqualTo(fromNull)
          .isEqualTo(ExporterConfig.defaults());
    }

    @Test
    void shouldTreatNullValuesAndEmptySectionsAsNotGiven() {
      // given YAML with keys left empty
      var bulk = new HashMap<String, Object>();
      bulk.put("size", null);
      var args = Map.<String, Object>of("bulk", bulk, "retry", Map.of());
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config).isEqualTo(ExporterConfig.defaults());
    }
  }

  @Nested
  class Shapes {

    @Test
    void shouldReadNestedYamlMapsWithYamlTypes() {
      // given the args map as Spring binds it from YAML
      var args =
          Map.<String, Object>of(
              "connect",
              Map.of(
                  "url", List.of("http://es1:9200", "https://es2:9243/"),
                  "username", "elastic",
                  "password", "changeme",
                  "requestTimeout", "5s"),
              "index",
              Map.of("prefix", "ops", "numberOfShards", 3, "numberOfReplicas", 1),
              "bulk",
              Map.of("size", 500, "delay", 250, "memoryLimit", 10L * 1024 * 1024),
              "retry",
              Map.of("maxBackoff", Duration.ofMinutes(1)));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config).isEqualTo(CUSTOM);
    }

    @Test
    void shouldReadDottedFlatKeys() {
      // given
      var args =
          Map.<String, Object>of(
              "connect.url", "http://es1:9200,https://es2:9243",
              "connect.username", "elastic",
              "connect.password", "changeme",
              "connect.request-timeout", "PT5S",
              "index.prefix", "ops",
              "index.number_of_shards", "3",
              "index.numberOfReplicas", 1,
              "bulk.size", "500",
              "bulk", Map.of("delay", "250ms", "memory-limit", "10MB"),
              "retry.maxBackoff", "1m");
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config).isEqualTo(CUSTOM);
    }

    @Test
    void shouldReadEnvironmentVariablesAsSpringHandsThemOver() {
      // given ZEEBE_BROKER_EXPORTERS_SL_ARGS_CONNECT_REQUESTTIMEOUT=5s etc.: lower-cased keys,
      // string values
      var args =
          Map.<String, Object>of(
              "connect",
              Map.of(
                  "url", "http://es1:9200,https://es2:9243",
                  "username", "elastic",
                  "password", "changeme",
                  "requesttimeout", "5s"),
              "index",
              Map.of("prefix", "ops", "numberofshards", "3", "numberofreplicas", "1"),
              "bulk",
              Map.of("size", "500", "delay", "250", "memorylimit", "10mb"),
              "retry",
              Map.of("maxbackoff", "60000"));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config).isEqualTo(CUSTOM);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "requestTimeout",
          "requesttimeout",
          "request-timeout",
          "request_timeout",
          "REQUEST_TIMEOUT"
        })
    void shouldMatchKeysIgnoringCaseDashesAndUnderscores(String key) {
      // given
      var args = Map.<String, Object>of("CONNECT", Map.of(key, "7s"));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config.connect().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldAcceptTheSameValueGivenTwice() {
      // given YAML and an environment variable agreeing
      var args = Map.<String, Object>of("bulk.size", "5", "bulk", Map.of("SIZE", "5"));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config.bulk().size()).isEqualTo(5);
    }
  }

  @Nested
  class IndexedLists {

    @Test
    void shouldReadSpringIndexedKeys() {
      // given
      var args =
          Map.<String, Object>of(
              "connect.url[1]", "https://es2:9243", "connect.url[0]", "http://es1:9200");
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config.connect().urls()).isEqualTo(CUSTOM.connect().urls());
    }

    @Test
    void shouldReadIndexedMapsInIndexOrder() {
      // given ZEEBE_..._ARGS_CONNECT_URL_10 and ..._URL_2: a map keyed by index, out of order
      var urls = new LinkedHashMap<String, Object>();
      urls.put("10", "http://es10:9200");
      urls.put("2", "http://es2:9200");
      var args = Map.<String, Object>of("connect", Map.of("url", urls));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config.connect().urls())
          .containsExactly(URI.create("http://es2:9200"), URI.create("http://es10:9200"));
    }

    @Test
    void shouldReadIndexedKeysInsideNestedMaps() {
      // given
      var args =
          Map.<String, Object>of(
              "connect", Map.of("URL[0]", "http://es1:9200", "url[1]", "https://es2:9243"));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config.connect().urls()).isEqualTo(CUSTOM.connect().urls());
    }

    @Test
    void shouldRefuseAListGivenBothWholeAndIndexed() {
      // given
      var args =
          Map.<String, Object>of(
              "connect.url", "http://es1:9200", "connect.url[0]", "http://es2:9200");
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              invalid(
                  "connect.url: must be given only once, but was given as 'connect.url' and 'connect.url[0]'"));
    }
  }
}
