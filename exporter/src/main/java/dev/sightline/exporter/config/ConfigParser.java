package dev.sightline.exporter.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the exporter's configuration from the broker's {@code args} ({@code
 * zeebe.broker.exporters.<id>.args}, or {@code ZEEBE_BROKER_EXPORTERS_<ID>_ARGS_<KEY>}).
 *
 * <p>Keys match case-insensitively, ignoring {@code -} and {@code _}, because Spring lower-cases
 * environment-variable keys; nested maps, dotted keys and indexed lists ({@code url[0]}, {@code
 * url: {0: ..}}) all work. Every problem is collected and reported at once, unknown keys included:
 * a typo must fail the broker's start, not quietly leave a default in place.
 */
public final class ConfigParser {

  private ConfigParser() {}

  /**
   * @param args the exporter's {@code args}; {@code null} or empty means every default
   * @throws ConfigException listing every invalid, missing, conflicting or unknown setting
   */
  public static ExporterConfig parse(Map<String, ?> args) {
    return parse(args, Map.of());
  }

  /**
   * As {@link #parse(Map)}, with other defaults for some settings — for an exporter whose defaults
   * differ (the record-index exporter of the two-hop baseline). Defaults are raw values keyed by
   * canonical key, read by the same rules as given values.
   *
   * @throws IllegalArgumentException if a default names no setting or breaks its rule (a
   *     programming error)
   */
  public static ExporterConfig parse(Map<String, ?> args, Map<String, ?> defaults) {
    var given = GivenArgs.match(args == null ? Map.of() : args, Settings.ALL);
    var errors = new ArrayList<>(given.errors());
    var values = SettingValues.resolve(given, Settings.ALL, overriddenDefaults(defaults), errors);
    errors.addAll(UrlRules.check(values));
    errors.addAll(IndexNameRules.check(values));
    errors.addAll(CredentialRules.check(values));
    if (!errors.isEmpty()) {
      throw new ConfigException(inSettingsOrder(errors));
    }
    return Settings.assemble(values);
  }

  private static Map<Setting<?>, Object> overriddenDefaults(Map<String, ?> defaults) {
    var byKey = new java.util.HashMap<Setting<?>, Object>();
    defaults.forEach(
        (key, raw) -> {
          var setting =
              Settings.ALL.stream()
                  .filter(candidate -> candidate.key().equals(key))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "no setting '" + key + "' to give a default"));
          try {
            byKey.put(setting, setting.rule().parse(raw));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "default for " + key + " " + setting.rule().text() + ": " + raw, e);
          }
        });
    return byKey;
  }

  /** The canonical key of every setting, e.g. {@code connect.requestTimeout}. */
  public static List<String> knownKeys() {
    return Settings.ALL.stream().map(Setting::key).toList();
  }

  /**
   * Known settings in declaration order, then unknown keys alphabetically: stable whatever the map
   * order.
   */
  private static List<ConfigError> inSettingsOrder(List<ConfigError> errors) {
    var keys = knownKeys();
    Comparator<ConfigError> bySetting =
        Comparator.comparingInt(
            error -> keys.contains(error.field()) ? keys.indexOf(error.field()) : keys.size());
    return errors.stream().sorted(bySetting.thenComparing(ConfigError::field)).toList();
  }
}
