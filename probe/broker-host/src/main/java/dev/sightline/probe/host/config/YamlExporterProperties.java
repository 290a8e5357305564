package dev.sightline.probe.host.config;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code zeebe.broker.exporters} part of a broker YAML file into flat properties, the way
 * Spring flattens YAML: nested maps and dotted keys are the same thing, list items become index
 * elements, later documents override earlier ones. Keys keep their spelling; values keep their YAML
 * type (an empty value becomes "", as with Spring's YAML loader). Everything outside {@code
 * zeebe.broker.exporters} is ignored.
 */
final class YamlExporterProperties {

  private static final List<String> PREFIX = List.of("zeebe", "broker", "exporters");
  private static final YAMLMapper YAML = new YAMLMapper();

  private YamlExporterProperties() {}

  static List<ConfigProperty> parse(String yaml) {
    List<ConfigProperty> properties = new ArrayList<>();
    try (MappingIterator<Object> documents = YAML.readerFor(Object.class).readValues(yaml)) {
      while (documents.hasNextValue()) {
        flatten(documents.nextValue(), new ArrayList<>(), "", properties);
      }
    } catch (IOException | RuntimeException e) {
      throw new ExporterConfigException("the YAML cannot be parsed: " + e.getMessage(), e);
    }
    return properties;
  }

  private static void flatten(
      Object node, List<String> path, String key, List<ConfigProperty> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            String childKey = key.isEmpty() ? String.valueOf(name) : key + "." + name;
            flatten(value, append(path, elementsOf(String.valueOf(name), childKey)), childKey, out);
          });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(list.get(i), append(path, List.of(String.valueOf(i))), key + "[" + i + "]", out);
      }
    } else if (isExporterProperty(path)) {
      out.add(
          new ConfigProperty(
              path.subList(PREFIX.size(), path.size()),
              node == null ? "" : node,
              "YAML key " + key));
    }
  }

  private static boolean isExporterProperty(List<String> path) {
    if (path.size() <= PREFIX.size()) {
      return false;
    }
    for (int i = 0; i < PREFIX.size(); i++) {
      if (!ConfigProperty.uniform(path.get(i)).equals(PREFIX.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> elementsOf(String name, String key) {
    try {
      return PropertyNames.split(name);
    } catch (IllegalArgumentException e) {
      throw new ExporterConfigException(List.of("YAML key " + key + ": " + e.getMessage()));
    }
  }

  private static List<String> append(List<String> path, List<String> elements) {
    List<String> longer = new ArrayList<>(path);
    longer.addAll(elements);
    return longer;
  }
}
