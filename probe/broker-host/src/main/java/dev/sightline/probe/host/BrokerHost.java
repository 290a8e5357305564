package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.HostScheduler;
import dev.sightline.probe.host.actor.RealTimeScheduler;
import dev.sightline.probe.host.config.ExporterConfiguration;
import dev.sightline.probe.host.loading.ContextClassLoaderPolicy;
import dev.sightline.probe.host.loading.ExporterCall;
import dev.sightline.probe.host.loading.ExporterJarClassLoader.ResourceOrder;
import dev.sightline.probe.host.loading.ExporterLoadException;
import dev.sightline.probe.host.loading.ExporterLoader;
import dev.sightline.probe.host.loading.LoadedExporter;
import dev.sightline.probe.host.source.RecordSource;
import io.camunda.zeebe.exporter.api.Exporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosts exporters the way a Zeebe 8.8 broker does, without a broker: loads each exporter (from its
 * jar through a child-first class loader, or from the classpath), validates it with {@code
 * configure} on a throw-away instance (partition id {@link Integer#MIN_VALUE}), then runs one new
 * instance per exporter and partition on that partition's actor thread ({@link #startPartition}).
 *
 * <p>The host keeps each exporter's acknowledged position and metadata per partition across {@link
 * HostedPartition#stop()} and {@link HostedPartition#crash()}: starting the partition again is a
 * broker restart, replaying from the acknowledged position with the stored metadata.
 *
 * <p>Thread-safety: thread-safe; not to be called from a partition's actor.
 */
public final class BrokerHost implements AutoCloseable {

  /** The partition id of the validation instance's context, as in the broker. */
  public static final int VALIDATION_PARTITION_ID = Integer.MIN_VALUE;

  /** The partition id of the purge instance's context, as in the broker. */
  public static final int PURGE_PARTITION_ID = 1;

  private final List<LoadedExporter> exporters;
  private final ExporterLoader loader;
  private final HostSettings settings;
  private final boolean ownsScheduler;
  private final Map<Integer, HostedPartition> partitions = new ConcurrentHashMap<>();

  BrokerHost(
      List<LoadedExporter> exporters,
      ExporterLoader loader,
      HostSettings settings,
      boolean ownsScheduler) {
    this.exporters = List.copyOf(exporters);
    this.loader = loader;
    this.settings = settings;
    this.ownsScheduler = ownsScheduler;
  }

  public static BrokerHostBuilder builder() {
    return new BrokerHostBuilder();
  }

  /**
   * Starts a new instance of every exporter for this partition on a new actor thread; configure and
   * open happen on the actor (see {@link HostedPartition#opened()}). Records already acknowledged
   * by an exporter are not handed to it again.
   *
   * @throws IllegalStateException if the partition is still running
   */
  public synchronized HostedPartition startPartition(int partitionId, RecordSource source) {
    HostedPartition previous = partitions.get(partitionId);
    if (previous != null && previous.isRunning()) {
      throw new IllegalStateException(
          "Partition " + partitionId + " is still running; stop or crash it first");
    }
    HostedPartition partition = new HostedPartition(partitionId, source, exporters, settings);
    partitions.put(partitionId, partition);
    partition.start();
    return partition;
  }

  /** The running or most recent instance of a partition. */
  public Optional<HostedPartition> partition(int partitionId) {
    return Optional.ofNullable(partitions.get(partitionId));
  }

  public List<String> exporterIds() {
    return exporters.stream().map(LoadedExporter::id).toList();
  }

  /** The exporter's acknowledged position on the partition; -1 if it has acknowledged nothing. */
  public long acknowledgedPosition(int partitionId, String exporterId) {
    return settings.state().position(partitionId, exporterId);
  }

  /** A copy of the metadata stored with the acknowledged position, if any. */
  public Optional<byte[]> exporterMetadata(int partitionId, String exporterId) {
    return settings.state().metadata(partitionId, exporterId);
  }

  /**
   * Deletes all exported data like the broker's cluster purge: for each exporter a new instance is
   * configured (partition id 1), purged and closed, on the calling thread; then the acknowledged
   * positions and metadata are dropped, since a purge starts the partitions afresh.
   *
   * @throws IllegalStateException if a partition is running, or naming the exporter whose purge
   *     failed
   */
  public synchronized void purge() {
    if (partitions.values().stream().anyMatch(HostedPartition::isRunning)) {
      throw new IllegalStateException("Stop every partition before purging");
    }
    for (LoadedExporter exporter : exporters) {
      ContextClassLoaderPolicy policy = settings.contextClassLoaderPolicy();
      Exporter instance = exporter.newInstance(policy);
      HostContext context =
          HostContext.standalone(exporter.configuration(), PURGE_PARTITION_ID, settings.clock());
      try {
        exporter
            .calls(policy)
            .run(
                ExporterCall.PURGE,
                () -> {
                  instance.configure(context);
                  instance.purge();
                  instance.close();
                });
      } catch (Exception e) {
        throw new IllegalStateException(
            "Failed to purge data of exporter '" + exporter.id() + "': " + e.getMessage(), e);
      }
    }
    settings.state().clear();
  }

  /** Shared by every exporter context: meters are tagged {@code partition=<id>}. */
  public MeterRegistry meterRegistry() {
    return settings.meterRegistry();
  }

  public InstantSource clock() {
    return settings.clock();
  }

  public HostScheduler scheduler() {
    return settings.scheduler();
  }

  /**
   * Stops running partitions cleanly, closes the jar class loaders and a scheduler the host
   * created.
   */
  @Override
  public synchronized void close() {
    partitions.values().stream().filter(HostedPartition::isRunning).forEach(HostedPartition::stop);
    loader.close();
    if (ownsScheduler) {
      settings.scheduler().close();
    }
  }

  /**
   * Creates the validation instance of each exporter and configures it; a throw fails the host's
   * start.
   */
  static void validate(
      LoadedExporter exporter, ContextClassLoaderPolicy policy, InstantSource clock) {
    Exporter instance = exporter.newInstance(policy);
    ExporterConfiguration configuration = exporter.configuration();
    HostContext context = HostContext.standalone(configuration, VALIDATION_PARTITION_ID, clock);
    try {
      exporter.calls(policy).run(ExporterCall.VALIDATE, () -> instance.configure(context));
    } catch (Exception e) {
      throw new ExporterLoadException(exporter.id(), "failed validation: " + e.getMessage(), e);
    }
  }

  static HostScheduler defaultScheduler() {
    return new RealTimeScheduler();
  }

  static ResourceOrder defaultResourceOrder() {
    return ResourceOrder.PARENT_FIRST;
  }
}
