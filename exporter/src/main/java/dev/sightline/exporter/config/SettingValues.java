package dev.sightline.exporter.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each setting's typed value: as given when valid, else its default when not given. A setting whose
 * given value broke its rule has no value, so rules across settings skip it instead of piling a
 * second error on the first.
 */
final class SettingValues {

  private final GivenArgs given;
  private final Map<Setting<?>, Object> values = new HashMap<>();

  private SettingValues(GivenArgs given) {
    this.given = given;
  }

  /**
   * Resolves every setting, adding an error to {@code errors} for each that is invalid or missing.
   */
  static SettingValues resolve(
      GivenArgs given, List<Setting<?>> settings, List<ConfigError> errors) {
    return resolve(given, settings, Map.of(), errors);
  }

  /** As above, taking the default of a setting from {@code defaults} when it is there. */
  static SettingValues resolve(
      GivenArgs given,
      List<Setting<?>> settings,
      Map<Setting<?>, Object> defaults,
      List<ConfigError> errors) {
    var resolved = new SettingValues(given);
    for (var setting : settings) {
      var raw = given.valueOf(setting);
      var rule = setting.rule();
      if (given.isConflicting(setting)) {
        continue; // already reported by GivenArgs
      } else if (raw == null && setting.isRequired()) {
        errors.add(ConfigError.missing(setting.key(), rule.text()));
      } else if (raw == null) {
        resolved.values.put(setting, defaults.getOrDefault(setting, setting.defaultValue()));
      } else {
        try {
          resolved.values.put(setting, rule.parse(raw));
        } catch (IllegalArgumentException e) {
          errors.add(ConfigError.invalid(setting.key(), rule.text(), rule.show(raw)));
        }
      }
    }
    return resolved;
  }

  /**
   * @throws IllegalStateException if the setting has no value (it was invalid or missing)
   */
  @SuppressWarnings("unchecked")
  <T> T get(Setting<T> setting) {
    if (!values.containsKey(setting)) {
      throw new IllegalStateException("no valid value for " + setting.key());
    }
    return (T) values.get(setting);
  }

  boolean areValid(Setting<?>... settings) {
    return Arrays.stream(settings).allMatch(values::containsKey);
  }

  /** The value given for a setting as it may appear in an error message (masked for secrets). */
  String shown(Setting<?> setting) {
    return setting.rule().show(given.valueOf(setting));
  }
}
