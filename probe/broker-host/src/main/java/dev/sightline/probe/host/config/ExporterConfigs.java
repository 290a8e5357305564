package dev.sightline.probe.host.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads exporter configuration the way a Zeebe 8.8 broker does: from the broker's YAML ({@code
 * zeebe.broker.exporters.<id>.className | jarPath | args.*}, nested or with dotted keys) and from
 * environment variables ({@code ZEEBE_BROKER_EXPORTERS_<ID>_CLASSNAME | _JARPATH | _ARGS_<KEY>}).
 * Environment variables override YAML per property, as in Spring.
 *
 * <p>All methods throw {@link ExporterConfigException} naming each offending key.
 */
public final class ExporterConfigs {

  private ExporterConfigs() {}

  /**
   * @param baseDirectory what a relative jarPath is resolved against (the broker's home directory)
   */
  public static List<ExporterDescriptor> fromYaml(String yaml, Path baseDirectory) {
    return ExporterPropertiesBinder.bind(YamlExporterProperties.parse(yaml), baseDirectory);
  }

  public static List<ExporterDescriptor> fromYamlFile(Path yamlFile, Path baseDirectory) {
    return fromYaml(read(yamlFile), baseDirectory);
  }

  /**
   * Reads only the {@code ZEEBE_BROKER_EXPORTERS_*} variables; pass {@code System.getenv()} or a
   * test map.
   */
  public static List<ExporterDescriptor> fromEnvironment(
      Map<String, String> environment, Path baseDirectory) {
    return ExporterPropertiesBinder.bind(
        EnvironmentExporterProperties.parse(environment), baseDirectory);
  }

  /** YAML first, then environment variables on top. */
  public static List<ExporterDescriptor> fromYamlAndEnvironment(
      String yaml, Map<String, String> environment, Path baseDirectory) {
    List<ConfigProperty> properties = new ArrayList<>(YamlExporterProperties.parse(yaml));
    properties.addAll(EnvironmentExporterProperties.parse(environment));
    return ExporterPropertiesBinder.bind(properties, baseDirectory);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
