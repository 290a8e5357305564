package dev.sightline.probe.host.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code ZEEBE_BROKER_EXPORTERS_*} environment variables into flat properties, the way Spring
 * maps them: lower-cased, {@code _} separates name elements, values are Strings. So {@code
 * ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_BULK_SIZE=10} is exporter {@code sightline}, argument
 * {@code bulk.size} = "10". An exporter id therefore cannot contain {@code _} in this form.
 */
final class EnvironmentExporterProperties {

  static final String PREFIX = "ZEEBE_BROKER_EXPORTERS_";

  private EnvironmentExporterProperties() {}

  static List<ConfigProperty> parse(Map<String, String> environment) {
    List<ConfigProperty> properties = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    new TreeMap<>(environment)
        .forEach(
            (name, value) -> {
              if (!name.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
                return;
              }
              List<String> path =
                  Arrays.stream(name.substring(PREFIX.length()).split("_", -1))
                      .map(element -> element.toLowerCase(Locale.ROOT))
                      .toList();
              if (path.stream().anyMatch(String::isEmpty)) {
                problems.add(
                    "environment variable "
                        + name
                        + ": empty name element (double or trailing '_')");
              } else {
                properties.add(new ConfigProperty(path, value, "environment variable " + name));
              }
            });
    if (!problems.isEmpty()) {
      throw new ExporterConfigException(problems);
    }
    return properties;
  }
}
