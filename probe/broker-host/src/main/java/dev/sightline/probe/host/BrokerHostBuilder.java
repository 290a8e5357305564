package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.HostScheduler;
import dev.sightline.probe.host.config.ExporterConfiguration;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.loading.ContextClassLoaderPolicy;
import dev.sightline.probe.host.loading.ExporterJarClassLoader.ResourceOrder;
import dev.sightline.probe.host.loading.ExporterLoader;
import dev.sightline.probe.host.loading.LoadedExporter;
import io.camunda.zeebe.exporter.api.Exporter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Configures a {@link BrokerHost}. Defaults: real time, the broker's backoffs ({@link
 * BrokerRetry#EXPORT}, {@link BrokerRetry#OPEN}), {@link ContextClassLoaderPolicy#BROKER},
 * resources parent-first, a fresh {@link SimpleMeterRegistry}, and this class's loader as the
 * host's class loader.
 *
 * <p>Thread-safety: not thread-safe; use from one thread.
 */
public final class BrokerHostBuilder {

  private final List<ExporterDescriptor> descriptors = new ArrayList<>();
  private final List<InProcessExporter> inProcess = new ArrayList<>();
  private HostScheduler scheduler;
  private InstantSource clock;
  private BrokerRetry exportBackoff = BrokerRetry.EXPORT;
  private BrokerRetry openBackoff = BrokerRetry.OPEN;
  private ContextClassLoaderPolicy policy = ContextClassLoaderPolicy.BROKER;
  private ResourceOrder resourceOrder = BrokerHost.defaultResourceOrder();
  private MeterRegistry meterRegistry = new SimpleMeterRegistry();
  private ClassLoader hostLoader = BrokerHostBuilder.class.getClassLoader();

  BrokerHostBuilder() {}

  public BrokerHostBuilder exporter(ExporterDescriptor descriptor) {
    descriptors.add(Objects.requireNonNull(descriptor));
    return this;
  }

  public BrokerHostBuilder exporters(Collection<ExporterDescriptor> all) {
    all.forEach(this::exporter);
    return this;
  }

  /**
   * An exporter created by {@code factory} instead of by class name, for tests of the host itself;
   * it is treated as an exporter on the host's classpath.
   */
  public BrokerHostBuilder inProcessExporter(
      String id, Map<String, Object> args, Supplier<? extends Exporter> factory) {
    ExporterConfiguration configuration =
        ExporterConfiguration.of(ExporterDescriptor.onClasspath(id, "(in-process)", args));
    inProcess.add(new InProcessExporter(configuration, factory));
    return this;
  }

  /** The host closes only a scheduler it created itself. */
  public BrokerHostBuilder scheduler(HostScheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** What {@code Context#clock()} returns; defaults to the scheduler's clock. */
  public BrokerHostBuilder clock(InstantSource clock) {
    this.clock = clock;
    return this;
  }

  public BrokerHostBuilder exportBackoff(BrokerRetry backoff) {
    this.exportBackoff = Objects.requireNonNull(backoff);
    return this;
  }

  public BrokerHostBuilder openBackoff(BrokerRetry backoff) {
    this.openBackoff = Objects.requireNonNull(backoff);
    return this;
  }

  public BrokerHostBuilder contextClassLoaderPolicy(ContextClassLoaderPolicy policy) {
    this.policy = Objects.requireNonNull(policy);
    return this;
  }

  public BrokerHostBuilder resourceOrder(ResourceOrder order) {
    this.resourceOrder = Objects.requireNonNull(order);
    return this;
  }

  public BrokerHostBuilder meterRegistry(MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry);
    return this;
  }

  /** The parent of jar class loaders and the loader of classpath exporters. */
  public BrokerHostBuilder hostClassLoader(ClassLoader loader) {
    this.hostLoader = Objects.requireNonNull(loader);
    return this;
  }

  /**
   * Loads every exporter and validates it on a throw-away instance, as the broker does at start.
   *
   * @throws dev.sightline.probe.host.loading.ExporterLoadException naming the exporter that failed
   * @throws IllegalArgumentException if two exporters share an id
   */
  public BrokerHost build() {
    boolean ownsScheduler = scheduler == null;
    HostScheduler effectiveScheduler = ownsScheduler ? BrokerHost.defaultScheduler() : scheduler;
    InstantSource effectiveClock = clock != null ? clock : effectiveScheduler.clock();
    ExporterLoader loader = new ExporterLoader(hostLoader, resourceOrder);
    try {
      List<LoadedExporter> loaded = new ArrayList<>();
      descriptors.forEach(descriptor -> loaded.add(loader.load(descriptor)));
      inProcess.forEach(
          exporter ->
              loaded.add(
                  new LoadedExporter(
                      exporter.configuration(),
                      hostLoader,
                      "in process",
                      exporter.factory()::get)));
      requireUniqueIds(loaded);
      loaded.forEach(exporter -> BrokerHost.validate(exporter, policy, effectiveClock));
      HostSettings settings =
          new HostSettings(
              effectiveScheduler,
              effectiveClock,
              exportBackoff,
              openBackoff,
              policy,
              meterRegistry,
              new ExportersState(),
              hostLoader);
      return new BrokerHost(loaded, loader, settings, ownsScheduler);
    } catch (RuntimeException e) {
      loader.close();
      if (ownsScheduler) {
        effectiveScheduler.close();
      }
      throw e;
    }
  }

  private static void requireUniqueIds(List<LoadedExporter> loaded) {
    Set<String> seen = new HashSet<>();
    for (LoadedExporter exporter : loaded) {
      if (!seen.add(exporter.id())) {
        throw new IllegalArgumentException("Two exporters have the id '" + exporter.id() + "'");
      }
    }
  }

  private record InProcessExporter(
      ExporterConfiguration configuration, Supplier<? extends Exporter> factory) {}
}
