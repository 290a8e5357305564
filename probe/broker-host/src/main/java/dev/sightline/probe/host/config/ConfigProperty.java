package dev.sightline.probe.host.config;

import java.util.List;

/**
 * One flattened property below {@code zeebe.broker.exporters}, as Spring sees it.
 *
 * @param path name elements after {@code exporters}: the exporter id, the field, then argument
 *     keys; list indexes are elements too ("0", "1", …)
 * @param value a String or a YAML scalar
 * @param origin how the user wrote it, for error messages: a YAML key or an environment variable
 *     name
 */
record ConfigProperty(List<String> path, Object value, String origin) {

  ConfigProperty {
    path = List.copyOf(path);
  }

  /** Spring's comparison form of a name element: lower case, without dashes. */
  static String uniform(String element) {
    return element.replace("-", "").toLowerCase(java.util.Locale.ROOT);
  }
}
