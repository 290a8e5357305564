package dev.sightline.exporter.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The exporter's whole configuration, read once from the broker's {@code args} by {@link
 * ConfigParser#parse(Map)}. Immutable, with units in the types; secrets print as {@code ***}, so
 * the whole record (and {@link #describe()}) is safe to log.
 */
public record ExporterConfig(
    ConnectConfig connect,
    IndexConfig index,
    BulkConfig bulk,
    VisibilityConfig visibility,
    RetryConfig retry,
    VariablesConfig variables,
    ErrorsConfig errors,
    LatencyConfig latency,
    ImportersConfig importers,
    RetentionConfig retention) {

  public ExporterConfig {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(bulk, "bulk");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(importers, "importers");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(retention, "retention");
  }

  /** Every setting at its default: what a broker gets with no {@code args} at all. */
  public static ExporterConfig defaults() {
    return ConfigParser.parse(Map.of());
  }

  /**
   * What is valid but unwise, one line each, no secret in them: for the exporter to log once at
   * configure.
   */
  public List<String> warnings() {
    return connect.plainHttpCredentialsWarning().stream().toList();
  }

  /**
   * One {@code key = value} line per setting, in the keys and units an operator writes ({@code
   * bulk.memoryLimit = 20MB}), secrets masked: for the exporter's startup log.
   */
  public String describe() {
    return Settings.ALL.stream()
        .map(setting -> setting.key() + " = " + setting.describe(this))
        .collect(Collectors.joining("\n"));
  }
}
