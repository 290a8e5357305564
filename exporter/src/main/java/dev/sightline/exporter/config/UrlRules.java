package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.Settings.CONNECT_URL;

import java.net.URI;
import java.util.List;

/**
 * Rules across the URLs of {@code connect.url}. A path ({@code http://proxy:8080/es}) is sent
 * before every request path, as a reverse proxy expects; the client has one such prefix for all
 * nodes, so URLs with different paths would send some requests to the wrong place.
 */
final class UrlRules {

  private UrlRules() {}

  static List<ConfigError> check(SettingValues values) {
    if (!values.areValid(CONNECT_URL)) {
      return List.of();
    }
    var paths = values.get(CONNECT_URL).stream().map(URI::getRawPath).distinct().count();
    if (paths > 1) {
      return List.of(
          ConfigError.invalid(
              CONNECT_URL.key(),
              "must give every URL the same path (it is sent before every request path)",
              values.shown(CONNECT_URL)));
    }
    return List.of();
  }
}
