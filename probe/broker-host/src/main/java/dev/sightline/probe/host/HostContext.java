package dev.sightline.probe.host;

import io.camunda.zeebe.exporter.api.context.Configuration;
import io.camunda.zeebe.exporter.api.context.Context;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Context} one exporter instance gets. Its meter registry forwards to the host's
 * registry with the tag {@code partition=<id>}; {@link #close()} removes the meters it registered,
 * as the broker does when an exporter closes, so a restarted instance can register them afresh.
 *
 * <p>Thread-safety: the filter is set on the actor during configure and read on the actor; the rest
 * is immutable.
 */
final class HostContext implements Context, AutoCloseable {

  /** The prefix of the broker's per-exporter logger names. */
  static final String LOGGER_PREFIX = "io.camunda.zeebe.broker.exporter.";

  private static final RecordFilter ACCEPT_ALL = new AcceptAll();

  private final Configuration configuration;
  private final int partitionId;
  private final MeterRegistry hostRegistry;
  private final CompositeMeterRegistry meters;
  private final InstantSource clock;
  private final Logger logger;
  private volatile RecordFilter filter = ACCEPT_ALL;

  HostContext(
      Configuration configuration,
      int partitionId,
      MeterRegistry hostRegistry,
      InstantSource clock) {
    this.configuration = configuration;
    this.partitionId = partitionId;
    this.hostRegistry = hostRegistry;
    this.clock = clock;
    this.logger = LoggerFactory.getLogger(LOGGER_PREFIX + configuration.getId());
    this.meters = new CompositeMeterRegistry(hostRegistry.config().clock(), List.of(hostRegistry));
    meters.config().commonTags("partition", Integer.toString(partitionId));
  }

  /** A context with a registry of its own, for the validation and purge instances. */
  static HostContext standalone(Configuration configuration, int partitionId, InstantSource clock) {
    return new HostContext(configuration, partitionId, new SimpleMeterRegistry(), clock);
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return meters;
  }

  @Override
  public Logger getLogger() {
    return logger;
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  @Override
  public Configuration getConfiguration() {
    return configuration;
  }

  @Override
  public int getPartitionId() {
    return partitionId;
  }

  @Override
  public void setFilter(RecordFilter filter) {
    this.filter = Objects.requireNonNull(filter, "filter must not be null");
  }

  RecordFilter filter() {
    return filter;
  }

  @Override
  public void close() {
    for (Meter meter : List.copyOf(meters.getMeters())) {
      hostRegistry.remove(meter.getId());
    }
    meters.clear();
    // Detach instead of close: closing a composite closes the host's shared registry too.
    meters.remove(hostRegistry);
  }

  private static final class AcceptAll implements RecordFilter {
    @Override
    public boolean acceptType(io.camunda.zeebe.protocol.record.RecordType recordType) {
      return true;
    }

    @Override
    public boolean acceptValue(io.camunda.zeebe.protocol.record.ValueType valueType) {
      return true;
    }
  }
}
