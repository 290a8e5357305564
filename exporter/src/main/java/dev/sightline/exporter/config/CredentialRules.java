package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.Settings.CONNECT_API_KEY;
import static dev.sightline.exporter.config.Settings.CONNECT_PASSWORD;
import static dev.sightline.exporter.config.Settings.CONNECT_USERNAME;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules across the credential settings. Basic auth needs both halves: one alone is a half-finished edit
 * that would otherwise surface as a 401 at the first request. An API key replaces basic auth, and sending
 * both would leave it to the client which one Elasticsearch sees.
 */
final class CredentialRules {

  private CredentialRules() {}

  static List<ConfigError> check(SettingValues values) {
    var errors = new ArrayList<ConfigError>();
    if (!values.areValid(CONNECT_USERNAME, CONNECT_PASSWORD, CONNECT_API_KEY)) {
      return errors;
    }
    var username = values.get(CONNECT_USERNAME).isPresent();
    var password = values.get(CONNECT_PASSWORD).isPresent();
    var apiKey = values.get(CONNECT_API_KEY).isPresent();
    if (username && !password) {
      errors.add(together(values, CONNECT_USERNAME, "must be given together with " + CONNECT_PASSWORD.key()));
    }
    if (password && !username) {
      errors.add(together(values, CONNECT_PASSWORD, "must be given together with " + CONNECT_USERNAME.key()));
    }
    if (apiKey && username) {
      errors.add(together(values, CONNECT_API_KEY, "must not be given together with " + CONNECT_USERNAME.key()));
    }
    return errors;
  }

  private static ConfigError together(SettingValues values, Setting<?> setting, String rule) {
    return ConfigError.invalid(setting.key(), rule, values.shown(setting));
  }
}
