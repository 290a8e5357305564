package dev.sightline.probe.host.config;

import io.camunda.zeebe.exporter.api.context.Configuration;
import java.util.Map;

/**
 * The {@link Configuration} an exporter receives: its id and its args map; {@link #instantiate}
 * maps the args into a config object as the 8.8 broker does (see {@link ArgsMapper}).
 *
 * <p>Thread-safety: immutable.
 */
public record ExporterConfiguration(String id, Map<String, Object> arguments)
    implements Configuration {

  public static ExporterConfiguration of(ExporterDescriptor descriptor) {
    return new ExporterConfiguration(descriptor.id(), descriptor.args());
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public Map<String, Object> getArguments() {
    return arguments;
  }

  @Override
  public <T> T instantiate(Class<T> configClass) {
    return ArgsMapper.instantiate(arguments, configClass);
  }
}
