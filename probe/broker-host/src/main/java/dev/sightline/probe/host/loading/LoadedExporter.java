package dev.sightline.probe.host.loading;

import dev.sightline.probe.host.config.ExporterConfiguration;
import io.camunda.zeebe.exporter.api.Exporter;
import java.util.function.Supplier;

/**
 * An exporter whose class is loaded: it can make new instances, like the broker's exporter
 * descriptor.
 *
 * @param classLoader the jar's class loader, or the host's for an exporter on the classpath
 * @param origin where the class came from, for messages
 * @param factory creates an instance; calls the public no-argument constructor for loaded classes
 */
public record LoadedExporter(
    ExporterConfiguration configuration,
    ClassLoader classLoader,
    String origin,
    Supplier<Exporter> factory) {

  public String id() {
    return configuration.id();
  }

  /** The helper that sets the context class loader around calls into this exporter. */
  public ExporterCalls calls(ContextClassLoaderPolicy policy) {
    return new ExporterCalls(classLoader, policy);
  }

  /**
   * A new instance.
   *
   * @throws ExporterLoadException if the constructor throws
   */
  public Exporter newInstance(ContextClassLoaderPolicy policy) {
    try {
      return calls(policy).call(ExporterCall.CONSTRUCT, factory::get);
    } catch (ExporterLoadException e) {
      throw e;
    } catch (Exception e) {
      throw new ExporterLoadException(
          id(), "cannot be instantiated (" + origin + "): " + e.getMessage(), e);
    }
  }
}
