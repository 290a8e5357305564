package dev.sightline.probe.host.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured exporter, as {@code zeebe.broker.exporters.<id>} describes it.
 *
 * @param id the key under {@code exporters}; also the exporter's {@code Configuration#getId()}
 * @param className the exporter class, loaded from the jar when {@code jarPath} is present,
 *     otherwise from the host's classpath
 * @param jarPath absolute path of the exporter jar
 * @param args the arguments map handed to the exporter: nested maps with String keys; leaves are
 *     Strings (environment variables) or YAML scalars; lists arrive as maps with keys "0", "1", …
 *     as Spring binds them
 */
public record ExporterDescriptor(
    String id, String className, Optional<Path> jarPath, Map<String, Object> args) {

  public ExporterDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(jarPath, "jarPath");
    args = deepUnmodifiable(Objects.requireNonNull(args, "args"));
  }

  /** An exporter loaded from the host's classpath. */
  public static ExporterDescriptor onClasspath(
      String id, String className, Map<String, Object> args) {
    return new ExporterDescriptor(id, className, Optional.empty(), args);
  }

  /** An exporter loaded from its own jar. */
  public static ExporterDescriptor inJar(
      String id, String className, Path jarPath, Map<String, Object> args) {
    return new ExporterDescriptor(id, className, Optional.of(jarPath.toAbsolutePath()), args);
  }

  private static Map<String, Object> deepUnmodifiable(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, deepUnmodifiableValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object deepUnmodifiableValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepUnmodifiable((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return Collections.unmodifiableList(
          list.stream().map(ExporterDescriptor::deepUnmodifiableValue).toList());
    }
    return value;
  }
}
