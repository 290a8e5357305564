package dev.sightline.probe.host;

import io.camunda.zeebe.exporter.api.context.Configuration;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.protocol.record.Record;
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
 * Unit tests of an exporter use a {@link #standalone} one as their broker's context.
 *
 * <p>Thread-safety: the filter is set on the actor during configure and read on the actor; the rest
 * is immutable.
 */
public final class HostContext implements Context, AutoCloseable {

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
    this(
        configuration,
        partitionId,
        hostRegistry,
        clock,
        LoggerFactory.getLogger(LOGGER_PREFIX + configuration.getId()));
  }

  private HostContext(
      Configuration configuration,
      int partitionId,
      MeterRegistry hostRegistry,
      InstantSource clock,
      Logger logger) {
    this.configuration = configuration;
    this.partitionId = partitionId;
    this.hostRegistry = hostRegistry;
    this.clock = clock;
    this.logger = logger;
    this.meters = new CompositeMeterRegistry(hostRegistry.config().clock(), List.of(hostRegistry));
    meters.config().commonTags("partition", Integer.toString(partitionId));
  }

  /**
   * A context with a registry of its own: the validation and purge instances', and a unit test's.
   */
  public static HostContext standalone(
      Configuration configuration, int partitionId, InstantSource clock) {
    return new HostContext(configuration, partitionId, new SimpleMeterRegistry(), clock);
  }

  /** The same with a logger of the caller's own, e.g. one that captures what the exporter logs. */
  public static HostContext standalone(
      Configuration configuration, int partitionId, InstantSource clock, Logger logger) {
    return new HostContext(
        configuration,
        partitionId,
        new SimpleMeterRegistry(),
        clock,
        Objects.requireNonNull(logger));
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

  /** The filter the exporter set in {@code configure}; accepts everything until it does. */
  public RecordFilter filter() {
    return filter;
  }

  /**
   * Whether the exporter's filter lets {@code record} through, asked as the broker asks it: record
   * type, value type, then intent.
   */
  public boolean accepts(Record<?> record) {
    RecordFilter current = filter;
    return current.acceptType(record.getRecordType())
        && current.acceptValue(record.getValueType())
        && current.acceptIntent(record.getIntent());
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
