package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.Settings.CONNECT_API_KEY;
import static dev.sightline.exporter.config.Settings.CONNECT_PASSWORD;
import static dev.sightline.exporter.config.Settings.CONNECT_TLS_CA_PATH;
import static dev.sightline.exporter.config.Settings.CONNECT_TLS_TRUST_STORE_PASSWORD;
import static dev.sightline.exporter.config.Settings.CONNECT_TLS_TRUST_STORE_PATH;
import static dev.sightline.exporter.config.Settings.CONNECT_USERNAME;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules across the credential settings. Basic auth needs both halves: one alone is a half-finished
 * edit that would otherwise surface as a 401 at the first request. An API key replaces basic auth,
 * and sending both would leave it to the client which one Elasticsearch sees.
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
      errors.add(
          together(
              values, CONNECT_USERNAME, "must be given together with " + CONNECT_PASSWORD.key()));
    }
    if (password && !username) {
      errors.add(
          together(
              values, CONNECT_PASSWORD, "must be given together with " + CONNECT_USERNAME.key()));
    }
    if (apiKey && username) {
      errors.add(
          together(
              values,
              CONNECT_API_KEY,
              "must not be given together with " + CONNECT_USERNAME.key()));
    }
    errors.addAll(checkTls(values));
    return errors;
  }

  /** One source of trust, and one that loads: a bad file fails the start, not the first request. */
  private static List<ConfigError> checkTls(SettingValues values) {
    var errors = new ArrayList<ConfigError>();
    if (!values.areValid(
        CONNECT_TLS_CA_PATH, CONNECT_TLS_TRUST_STORE_PATH, CONNECT_TLS_TRUST_STORE_PASSWORD)) {
      return errors;
    }
    var caPath = values.get(CONNECT_TLS_CA_PATH);
    var trustStore = values.get(CONNECT_TLS_TRUST_STORE_PATH);
    var password = values.get(CONNECT_TLS_TRUST_STORE_PASSWORD);
    if (caPath.isPresent() && trustStore.isPresent()) {
      errors.add(
          together(
              values,
              CONNECT_TLS_TRUST_STORE_PATH,
              "must not be given together with " + CONNECT_TLS_CA_PATH.key()));
      return errors;
    }
    if (password.isPresent() && trustStore.isEmpty()) {
      errors.add(
          together(
              values,
              CONNECT_TLS_TRUST_STORE_PASSWORD,
              "must be given together with " + CONNECT_TLS_TRUST_STORE_PATH.key()));
      return errors;
    }
    try {
      if (caPath.isPresent()) {
        TlsTrust.fromPem(caPath.get());
      } else if (trustStore.isPresent()) {
        TlsTrust.fromStore(trustStore.get(), password.map(Secret::reveal).orElse(""));
      }
    } catch (java.security.GeneralSecurityException | java.io.IOException e) {
      var setting = caPath.isPresent() ? CONNECT_TLS_CA_PATH : CONNECT_TLS_TRUST_STORE_PATH;
      var rule =
          caPath.isPresent()
              ? "must be a PEM file with one or more X.509 certificates"
              : "must be a PKCS12 or JKS trust store that opens with "
                  + CONNECT_TLS_TRUST_STORE_PASSWORD.key();
      errors.add(together(values, setting, rule));
    }
    return errors;
  }

  private static ConfigError together(SettingValues values, Setting<?> setting, String rule) {
    return ConfigError.invalid(setting.key(), rule, values.shown(setting));
  }
}
