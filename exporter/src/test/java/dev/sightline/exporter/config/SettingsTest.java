package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.ExpectedMessages.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalog stays consistent as settings are added: listed, readable back, and required ones
 * enforced.
 */
class SettingsTest {

  @Test
  void shouldListEverySettingConstantOnceInAll() throws IllegalAccessException {
    // given every Setting constant declared in Settings
    var constants = new ArrayList<Setting<?>>();
    for (Field field : Settings.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
        constants.add((Setting<?>) field.get(null));
      }
    }
    // when
    var all = Settings.ALL;
    // then
    assertThat(all).containsExactlyInAnyOrderElementsOf(constants).doesNotHaveDuplicates();
    assertThat(ConfigParser.knownKeys()).hasSize(42).doesNotHaveDuplicates();
  }

  @Test
  void shouldReadEachDefaultBackFromTheAssembledConfig() {
    // given
    var defaults = ExporterConfig.defaults();
    // when / then: each reader finds its own setting's value where assemble put it
    for (var setting : Settings.ALL) {
      assertThat(setting.reader().apply(defaults))
          .as(setting.key())
          .isEqualTo(setting.defaultValue());
    }
  }

  @Test
  void shouldReadEachGivenValueBackFromTheAssembledConfig() {
    // given a value other than the default for every setting (apiKey aside: it excludes username)
    var args =
        Map.<String, Object>ofEntries(
            Map.entry("connect.url", "http://es:9201"),
            Map.entry("connect.username", "u"),
            Map.entry("connect.password", "p"),
            Map.entry("connect.requestTimeout", "31s"),
            Map.entry("index.prefix", "p2"),
            Map.entry("index.numberOfShards", 2),
            Map.entry("index.numberOfReplicas", 1),
            Map.entry("index.upgradePageSize", 20),
            Map.entry("bulk.size", 2),
            Map.entry("bulk.delay", "2s"),
            Map.entry("bulk.memoryLimit", "2MB"),
            Map.entry("retry.maxBackoff", "11s"),
            Map.entry("variables.previewSize", 100),
            Map.entry("errors.onRejected", "block"),
            Map.entry("latency.hlog.path", "/var/log/sightline"),
            Map.entry("latency.hlog.interval", "1m"),
            Map.entry("latency.hlog.maxFileSize", "1GB"),
            Map.entry("latency.hlog.maxFileAge", "12h"),
            Map.entry("latency.hlog.maxFiles", 30),
            Map.entry("latency.visibility.enabled", false),
            Map.entry("latency.visibility.sampleOneIn", 3),
            Map.entry("latency.visibility.maxSearchesPerSecond", 7),
            Map.entry("latency.visibility.maxPending", 99),
            Map.entry("latency.visibility.giveUpAfter", "30s"),
            Map.entry("importers.checkInterval", "12s"),
            Map.entry("importers.positionIndex", "old-positions"),
            Map.entry("importers.recordIndexPrefix", "old-records"));
    // when
    var description = ConfigParser.parse(args).describe();
    // then
    assertThat(description.lines())
        .contains(
            "connect.url = http://es:9201",
            "connect.username = u",
            "connect.password = ***",
            "connect.requestTimeout = 31s",
            "index.prefix = p2",
            "index.numberOfShards = 2",
            "index.numberOfReplicas = 1",
            "index.upgradePageSize = 20",
            "bulk.size = 2",
            "bulk.delay = 2s",
            "bulk.memoryLimit = 2MB",
            "retry.maxBackoff = 11s",
            "variables.previewSize = 100",
            "errors.onRejected = block",
            "latency.hlog.path = /var/log/sightline",
            "latency.hlog.interval = 1m",
            "latency.hlog.maxFileSize = 1GB",
            "latency.hlog.maxFileAge = 12h",
            "latency.hlog.maxFiles = 30",
            "latency.visibility.enabled = false",
            "latency.visibility.sampleOneIn = 3",
            "latency.visibility.maxSearchesPerSecond = 7",
            "latency.visibility.maxPending = 99",
            "latency.visibility.giveUpAfter = 30s",
            "importers.checkInterval = 12s",
            "importers.positionIndex = old-positions",
            "importers.recordIndexPrefix = old-records");
  }

  @Test
  void shouldReportARequiredSettingLeftOutAsMissing() {
    // given a catalog with a required setting, as later settings may need
    var required = Setting.required("connect.tls.caPath", Rules.optionalText(), config -> null);
    List<Setting<?>> settings = List.of(required);
    var errors = new ArrayList<ConfigError>();
    // when
    SettingValues.resolve(GivenArgs.match(Map.of(), settings), settings, errors);
    // then
    assertThat(new ConfigException(errors))
        .hasMessage(invalid("connect.tls.caPath: must be text, but was missing"));
  }

  @Test
  void shouldRefuseKeysBelowASetting() {
    // given a map where a value is expected
    var args = Map.<String, Object>of("bulk", Map.of("size", Map.of("max", 5)));
    // when / then
    assertThatThrownBy(() -> ConfigParser.parse(args))
        .hasMessageStartingWith(invalid("bulk.size.max: unknown setting (known: connect.url, "));
  }
}
