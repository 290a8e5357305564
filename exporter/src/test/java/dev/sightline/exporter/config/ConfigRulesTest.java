package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.ExpectedMessages.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sightline.exporter.schema.ReadModelSchema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every setting's rule at its boundaries: the limits accepted, one step beyond refused. */
class ConfigRulesTest {

  private static final String PREFIX_RULE =
      "must be 1 to 100 lowercase characters without \\ / * ? \" < > | , # : or space, not starting with - _ +"
          + " and not . or ..";

  private static ExporterConfig parse(String key, Object value) {
    return ConfigParser.parse(Map.of(key, value));
  }

  /** The setting's line in {@link ExporterConfig#describe()}: its typed value written back. */
  private static String described(ExporterConfig config, String key) {
    return config
        .describe()
        .lines()
        .filter(line -> line.startsWith(key + " = "))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class Ranges {

    static Stream<Arguments> ranges() {
      return Stream.of(
          arguments(
              "connect.requestTimeout",
              "1ms",
              "10m",
              "0ms",
              "600001ms",
              "must be a duration between 1ms and 10m"),
          arguments(
              "index.numberOfShards",
              "1",
              "1024",
              "0",
              "1025",
              "must be an integer between 1 and 1024"),
          arguments(
              "index.numberOfReplicas",
              "0",
              "100",
              "-1",
              "101",
              "must be an integer between 0 and 100"),
          arguments(
              "index.upgradePageSize",
              "1",
              "10000",
              "0",
              "10001",
              "must be an integer between 1 and 10000"),
          arguments(
              "bulk.size", "1", "100000", "0", "100001", "must be an integer between 1 and 100000"),
          arguments(
              "bulk.delay",
              "1ms",
              "1h",
              "0ms",
              "3600001ms",
              "must be a duration between 1ms and 1h"),
          arguments(
              "bulk.memoryLimit",
              "1KB",
              "1GB",
              "1023B",
              "1073741825B",
              "must be a byte size between 1KB and 1GB"),
          arguments(
              "retry.maxBackoff",
              "10ms",
              "10m",
              "9ms",
              "600001ms",
              "must be a duration between 10ms and 10m"),
          arguments(
              "variables.previewSize",
              "1",
              "8191",
              "0",
              "8192",
              "must be an integer between 1 and 8191"),
          arguments(
              "latency.hlog.interval",
              "1s",
              "1h",
              "999ms",
              "3600001ms",
              "must be a duration between 1s and 1h"),
          arguments(
              "latency.hlog.maxFileSize",
              "1KB",
              "1GB",
              "1023B",
              "1073741825",
              "must be a byte size between 1KB and 1GB"),
          arguments(
              "latency.hlog.maxFileAge",
              "1m",
              "365d",
              "59s",
              "366d",
              "must be a duration between 1m and 365d"),
          arguments(
              "latency.hlog.maxFiles",
              "1",
              "1000",
              "0",
              "1001",
              "must be an integer between 1 and 1000"),
          arguments(
              "latency.visibility.sampleOneIn",
              "1",
              "1000000",
              "0",
              "1000001",
              "must be an integer between 1 and 1000000"),
          arguments(
              "latency.visibility.maxSearchesPerSecond",
              "1",
              "1000",
              "0",
              "1001",
              "must be an integer between 1 and 1000"),
          arguments(
              "latency.visibility.maxPending",
              "1",
              "1000000",
              "0",
              "1000001",
              "must be an integer between 1 and 1000000"),
          arguments(
              "latency.visibility.giveUpAfter",
              "1s",
              "1h",
              "999ms",
              "3600001ms",
              "must be a duration between 1s and 1h"),
          arguments(
              "retention.period",
              "1m",
              "36500d",
              "59s",
              "36501d",
              "must be a duration between 1m and 36500d"),
          arguments(
              "retention.interval",
              "1s",
              "1d",
              "999ms",
              "86400001ms",
              "must be a duration between 1s and 1d"),
          arguments(
              "retention.batchSize",
              "1",
              "10000",
              "0",
              "10001",
              "must be an integer between 1 and 10000"),
          arguments(
              "retention.maxDocumentsPerRun",
              "10",
              "20000",
              "9",
              "20001",
              "must be an integer between 10 and 20000"),
          arguments(
              "retention.replayWindow",
              "0ms",
              "7d",
              "-1ms",
              "604800001ms",
              "must be a duration between 0ms and 7d"));
    }

    @ParameterizedTest(name = "{0} accepts {1} and {2}")
    @MethodSource("ranges")
    void shouldAcceptTheLimits(String key, String min, String max) {
      // given the smallest and the largest value allowed
      // when
      var atMin = parse(key, min);
      var atMax = parse(key, max);
      // then
      assertThat(described(atMin, key)).isEqualTo(key + " = " + min);
      assertThat(described(atMax, key)).isEqualTo(key + " = " + max);
    }

    @ParameterizedTest(name = "{0} refuses {3}")
    @MethodSource("ranges")
    void shouldRefuseJustBelowTheMinimum(
        String key, String min, String max, String below, String above, String rule) {
      // given one step below the minimum
      // when / then
      assertThatThrownBy(() -> parse(key, below))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid(key + ": " + rule + ", but was '" + below + "'"));
    }

    @ParameterizedTest(name = "{0} refuses {4}")
    @MethodSource("ranges")
    void shouldRefuseJustAboveTheMaximum(
        String key, String min, String max, String below, String above, String rule) {
      // given one step above the maximum
      // when / then
      assertThatThrownBy(() -> parse(key, above))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid(key + ": " + rule + ", but was '" + above + "'"));
    }

    @ParameterizedTest(name = "{0} refuses a wrong type")
    @MethodSource("ranges")
    void shouldRefuseAWrongTypeWithTheSameRule(
        String key, String min, String max, String below, String above, String rule) {
      // given a value of no sensible type for any numeric setting
      var value = List.of(1, 2);
      // when / then
      assertThatThrownBy(() -> parse(key, value))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid(key + ": " + rule + ", but was '[1, 2]'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "abc", "true", ""})
    void shouldRefuseIntegersThatAreNot(String value) {
      // given
      // when / then
      assertThatThrownBy(() -> parse("bulk.size", value))
          .hasMessage(
              invalid(
                  "bulk.size: must be an integer between 1 and 100000, but was '" + value + "'"));
    }

    @Test
    void shouldRefuseABooleanForAnInteger() {
      // given YAML's true
      // when / then
      assertThatThrownBy(() -> parse("index.numberOfShards", true))
          .hasMessage(
              invalid(
                  "index.numberOfShards: must be an integer between 1 and 1024, but was 'true'"));
    }
  }

  @Nested
  class Booleans {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void shouldReadTrueFromText(String value) {
      // given
      // when
      var config = parse("latency.visibility.enabled", value);
      // then
      assertThat(config.latency().visible().enabled()).isTrue();
    }

    @Test
    void shouldReadYamlBooleans() {
      // given YAML's false
      // when
      var config = parse("latency.visibility.enabled", false);
      // then
      assertThat(config.latency().visible().enabled()).isFalse();
      assertThat(described(config, "latency.visibility.enabled"))
          .isEqualTo("latency.visibility.enabled = false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", ""})
    void shouldRefuseAnythingElse(String value) {
      // given
      // when / then
      assertThatThrownBy(() -> parse("latency.visibility.enabled", value))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              invalid(
                  "latency.visibility.enabled: must be true or false, but was '" + value + "'"));
    }
  }

  @Nested
  class IndexPrefix {

    @ParameterizedTest
    @ValueSource(strings = {"a", "ops", "my.team-1_x", ".hidden", "x+", "ü"})
    void shouldAcceptElasticsearchIndexNamePrefixes(String prefix) {
      // given
      // when
      var config = parse("index.prefix", prefix);
      // then
      assertThat(config.index().prefix()).isEqualTo(prefix);
    }

    @Test
    void shouldAcceptAHundredCharactersAndRefuseOneMore() {
      // given
      var longest = "a".repeat(100);
      var tooLong = "a".repeat(101);
      // when
      var config = parse("index.prefix", longest);
      // then
      assertThat(config.index().prefix()).isEqualTo(longest);
      assertThatThrownBy(() -> parse("index.prefix", tooLong))
          .hasMessage(invalid("index.prefix: " + PREFIX_RULE + ", but was '" + tooLong + "'"));
    }

    @Test
    void shouldMeasureThePrefixInBytesSoThatEveryNameStaysWithin255() {
      // given 224 bytes of a 3-byte script (74 x € and one é), and one byte more (75 x €): both
      // well under 100 characters
      var longest = "€".repeat(74) + "é";
      var tooLong = "€".repeat(75);
      // when
      var config = parse("index.prefix", longest);
      // then the longest names reach Elasticsearch's 255 bytes exactly, and one byte more is
      // refused
      assertThat(config.index().prefix()).isEqualTo(longest);
      assertThat(ReadModelSchema.names(longest).stream().mapToInt(ConfigRulesTest::bytes).max())
          .hasValue(255);
      assertThatThrownBy(() -> parse("index.prefix", tooLong))
          .hasMessage(
              invalid(
                  "index.prefix: must be at most 224 bytes in UTF-8, so that the longest name the"
                      + " exporter creates, <prefix>-flow-node-instance-v2-template, stays within"
                      + " Elasticsearch's 255 bytes, but was '"
                      + tooLong
                      + "'"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "Sightline",
          "a\\b",
          "a/b",
          "a*b",
          "a?b",
          "a\"b",
          "a<b",
          "a>b",
          "a|b",
          "a,b",
          "a#b",
          "a:b",
          "a b",
          "-a",
          "_a",
          "+a",
          ".",
          ".."
        })
    void shouldRefuseWhatElasticsearchRefusesInIndexNames(String prefix) {
      // given
      // when / then
      assertThatThrownBy(() -> parse("index.prefix", prefix))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid("index.prefix: " + PREFIX_RULE + ", but was '" + prefix + "'"));
    }
  }

  @Nested
  class Urls {

    private static final String URL_RULE =
        "must be one or more http(s) URLs with a host and no user info, query or fragment";

    @Test
    void shouldAcceptHttpsAndTrailingSlashes() {
      // given
      // when
      var config = parse("connect.url", List.of("https://es1:9243/", "http://es2"));
      // then
      assertThat(config.connect().urls())
          .containsExactly(URI.create("https://es1:9243"), URI.create("http://es2"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "es:9200",
          "ftp://es:21",
          "http://",
          "http://es:9200?pretty",
          "http://es1:9200,es2"
        })
    void shouldRefuseWhatIsNoHttpUrlWithAHost(String url) {
      // given
      // when / then
      assertThatThrownBy(() -> parse("connect.url", url))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid("connect.url: " + URL_RULE + ", but was '" + url + "'"));
    }

    @Test
    void shouldRefuseCredentialsInAUrlWithoutShowingThem() {
      // given
      // when / then
      assertThatThrownBy(() -> parse("connect.url", "http://elastic:hunter2@es:9200"))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid("connect.url: " + URL_RULE + ", but was 'http://***@es:9200'"));
    }

    @ParameterizedTest(name = "password {0}")
    @ValueSource(strings = {"hun@ter2", "hun/ter2", "hun,ter2", "hun ter2"})
    void shouldRefuseCredentialsInAUrlWithoutShowingAPasswordThatHoldsUrlSyntax(String password) {
      // given a password with @, /, a comma (which also splits the list) or a space
      var url = "http://elastic:" + password + "@es:9200";
      // when / then
      assertThatThrownBy(() -> parse("connect.url", url))
          .isInstanceOf(ConfigException.class)
          .hasMessage(invalid("connect.url: " + URL_RULE + ", but was 'http://***@es:9200'"));
    }

    @Test
    void shouldSendThePathOfTheUrlsBeforeEveryRequestPath() {
      // given nodes behind a reverse proxy under /es
      // when
      var config = parse("connect.url", List.of("http://proxy1:8080/es/", "https://proxy2/es"));
      // then
      assertThat(config.connect().pathPrefix()).contains("/es");
      assertThat(config.connect().hosts())
          .containsExactly(URI.create("http://proxy1:8080"), URI.create("https://proxy2"));
      assertThat(parse("connect.url", "http://es:9200/").connect().pathPrefix()).isEmpty();
    }

    @Test
    void shouldRefuseUrlsWithDifferentPaths() {
      // given one node behind a proxy path, one without
      // when / then
      assertThatThrownBy(() -> parse("connect.url", "http://es1:9200/es,http://es2:9200"))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              invalid(
                  "connect.url: must give every URL the same path (it is sent before every request"
                      + " path), but was 'http://es1:9200/es,http://es2:9200'"));
    }
  }

  @Nested
  class PositionIndex {

    private static final String PATTERN_RULE =
        "must be one or more index names or * patterns, each 1 to 100 lowercase characters without"
            + " \\ / ? \" < > | , # : or space, not starting with - _ + and not . or ..";

    @Test
    void shouldMatchTheVersionedIndicesOfOperateAndTasklistByDefault() {
      // given
      // when
      var importers = ExporterConfig.defaults().importers();
      // then
      assertThat(importers.positionIndices())
          .containsExactly("operate-import-position*", "tasklist-import-position*");
    }

    @Test
    void shouldAcceptNamesAndPatternsAsAListOrCommaSeparated() {
      // given
      // when
      var fromText = parse("importers.positionIndex", "old-positions, operate-import-position-8*");
      var fromList =
          parse("importers.positionIndex", List.of("old-positions", "operate-import-position-8*"));
      // then
      assertThat(fromText.importers().positionIndices())
          .isEqualTo(fromList.importers().positionIndices())
          .containsExactly("old-positions", "operate-import-position-8*");
      assertThat(described(fromText, "importers.positionIndex"))
          .isEqualTo("importers.positionIndex = old-positions,operate-import-position-8*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " , ", "Operate-import-position", "a b", "-x*", "a?b"})
    void shouldRefuseWhatIsNoIndexNameOrPattern(String value) {
      // given
      // when / then
      assertThatThrownBy(() -> parse("importers.positionIndex", value))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              invalid("importers.positionIndex: " + PATTERN_RULE + ", but was '" + value + "'"));
    }
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
