package dev.sightline.exporter.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The exporter's configuration is invalid. Carries every error at once, so an operator fixes the
 * broker's configuration in one round instead of one restart per mistake.
 */
public final class ConfigException extends RuntimeException {

  private final List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }

  private static String message(List<ConfigError> errors) {
    return errors.stream()
        .map(ConfigError::message)
        .collect(Collectors.joining("\n", "Invalid Sightline exporter configuration:\n", ""));
  }
}
