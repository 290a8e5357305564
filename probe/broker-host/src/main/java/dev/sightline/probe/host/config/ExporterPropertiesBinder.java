package dev.sightline.probe.host.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns flat properties below {@code zeebe.broker.exporters} into descriptors, like Spring binding
 * the broker's {@code Map<String, ExporterCfg>}: exporter ids and the fields {@code className},
 * {@code jarPath} and {@code args} match ignoring case and dashes; a relative jarPath is resolved
 * against the broker's base directory. Stricter than the broker on one point: an unknown field (a
 * typo such as {@code classNme}) is an error here, where Spring would silently ignore it.
 */
final class ExporterPropertiesBinder {

  private ExporterPropertiesBinder() {}

  /**
   * @throws ExporterConfigException listing every problem found
   */
  static List<ExporterDescriptor> bind(List<ConfigProperty> properties, Path baseDirectory) {
    List<String> problems = new ArrayList<>();
    Map<String, PendingExporter> exporters = new LinkedHashMap<>();
    for (ConfigProperty property : properties) {
      List<String> path = property.path();
      PendingExporter exporter =
          exporters.computeIfAbsent(
              ConfigProperty.uniform(path.getFirst()), id -> new PendingExporter(path.getFirst()));
      if (path.size() == 1) {
        problems.add(
            property.origin()
                + ": an exporter needs className (and optionally jarPath, args) below it");
        continue;
      }
      switch (ConfigProperty.uniform(path.get(1))) {
        case "classname" -> exporter.className = leaf(property, problems);
        case "jarpath" -> exporter.jarPath = leaf(property, problems);
        case "args" -> {
          if (path.size() > 2) {
            exporter.args.put(path.subList(2, path.size()), property, problems);
          } else if (!"".equals(property.value())) {
            problems.add(
                property.origin() + ": args must be a map of arguments, not a single value");
          }
        }
        default ->
            problems.add(
                property.origin()
                    + ": unknown exporter setting '"
                    + path.get(1)
                    + "' (expected className, jarPath or args)");
      }
    }
    List<ExporterDescriptor> descriptors = new ArrayList<>();
    exporters
        .values()
        .forEach(
            exporter -> exporter.toDescriptor(baseDirectory, problems).ifPresent(descriptors::add));
    if (!problems.isEmpty()) {
      throw new ExporterConfigException(problems);
    }
    return descriptors;
  }

  private static ConfigProperty leaf(ConfigProperty property, List<String> problems) {
    if (property.path().size() > 2) {
      problems.add(property.origin() + ": " + property.path().get(1) + " must be a single value");
      return null;
    }
    return property;
  }

  private static final class PendingExporter {
    private final String id;
    private final ArgsTree args = new ArgsTree();
    private ConfigProperty className;
    private ConfigProperty jarPath;

    PendingExporter(String id) {
      this.id = id;
    }

    Optional<ExporterDescriptor> toDescriptor(Path baseDirectory, List<String> problems) {
      String keyPrefix = "zeebe.broker.exporters." + id;
      if (className == null || String.valueOf(className.value()).isBlank()) {
        problems.add(
            keyPrefix
                + ".className is missing (set it in YAML or as environment variable "
                + EnvironmentExporterProperties.PREFIX
                + id.toUpperCase(Locale.ROOT)
                + "_CLASSNAME)");
        return Optional.empty();
      }
      Optional<Path> jar =
          Optional.ofNullable(jarPath)
              .map(property -> String.valueOf(property.value()).strip())
              .filter(path -> !path.isEmpty())
              .map(path -> baseDirectory.resolve(path).toAbsolutePath().normalize());
      return Optional.of(
          new ExporterDescriptor(id, String.valueOf(className.value()).strip(), jar, args.toMap()));
    }
  }
}
