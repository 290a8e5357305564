package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.Actor;
import dev.sightline.probe.host.loading.LoadedExporter;
import dev.sightline.probe.host.source.RecordSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition's exporters running on their own actor thread, started by {@link
 * BrokerHost#startPartition}.
 *
 * <p>On the actor, in order: {@code configure} on each exporter (a throw fails the partition), the
 * partition filter, {@code open} on each (a throw is retried with the open backoff), then records
 * from just after the lowest acknowledged position, one at a time (see {@link ExportLoop}).
 * Scheduled tasks and position updates run on the same thread, between records.
 *
 * <p>Ends in one of three ways: {@link #stop()} closes the exporters like a broker shutdown; {@link
 * #crash()} stops without calling the exporters again, like a killed broker; a job that throws (a
 * scheduled task, for example) fails the partition like a failed actor in the broker: no more
 * calls, no close.
 *
 * <p>Thread-safety: all public methods may be called from any thread except the partition's actor.
 */
public final class HostedPartition {

  private static final Logger LOG = LoggerFactory.getLogger(HostedPartition.class);
  private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(30);

  private final int partitionId;
  private final RecordSource source;
  private final HostSettings settings;
  private final Actor actor;
  private final List<HostedExporter> exporters = new ArrayList<>();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final Object progress = new Object();
  private volatile long deliveredPosition = ExportersState.NO_POSITION;
  private volatile Throwable failure;
  private volatile boolean ended;
  private RecordSource.Subscription subscription = () -> {};
  private ExportLoop loop;

  HostedPartition(
      int partitionId, RecordSource source, List<LoadedExporter> loaded, HostSettings settings) {
    this.partitionId = partitionId;
    this.source = source;
    this.settings = settings;
    this.actor =
        new Actor(
            "sightline-host-partition-" + partitionId,
            settings.hostLoader(),
            settings.scheduler(),
            this::fail);
    for (LoadedExporter exporter : loaded) {
      HostContext context =
          new HostContext(
              exporter.configuration(), partitionId, settings.meterRegistry(), settings.clock());
      exporters.add(
          new HostedExporter(
              exporter.newInstance(settings.contextClassLoaderPolicy()),
              context,
              exporter.calls(settings.contextClassLoaderPolicy()),
              actor,
              settings.state(),
              this::signalProgress));
    }
  }

  void start() {
    actor.start();
    actor.submit(this::configureAndOpen);
  }

  public int partitionId() {
    return partitionId;
  }

  /**
   * Completes when every exporter is open and reading has begun; fails if the partition fails
   * first.
   */
  public CompletableFuture<Void> opened() {
    return opened;
  }

  /**
   * The position of the last record every exporter has received or skipped; -1 before the first.
   */
  public long deliveredPosition() {
    return deliveredPosition;
  }

  /** What failed the partition, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** False once stopped, crashed or failed. */
  public boolean isRunning() {
    return !ended;
  }

  /**
   * Blocks until every record up to {@code position} has been handed to (or skipped by) every
   * exporter.
   *
   * @return false on timeout
   * @throws IllegalStateException if the partition failed or ended before that
   */
  public boolean awaitDelivered(long position, Duration timeout) {
    return await(() -> deliveredPosition, position, timeout);
  }

  /** Blocks until {@code exporterId} has acknowledged {@code position}; false on timeout. */
  public boolean awaitAcknowledged(String exporterId, long position, Duration timeout) {
    return await(() -> settings.state().position(partitionId, exporterId), position, timeout);
  }

  /** Closes every exporter on the actor, like a broker shutdown, and waits for the actor to end. */
  public void stop() {
    if (!actor.isTerminated()) {
      actor.submit(this::closeExporters);
    }
    awaitActorEnd();
  }

  /** Stops the actor after the call in progress, without calling {@code close}: a killed broker. */
  public void crash() {
    actor.terminate();
    awaitActorEnd();
    subscription.close();
    if (!ended) {
      end(new IllegalStateException("Partition " + partitionId + " crashed before it opened"));
      exporters.forEach(HostedExporter::releaseContext);
    }
  }

  private void configureAndOpen() {
    for (HostedExporter exporter : exporters) {
      try {
        exporter.configure();
      } catch (Exception e) {
        throw new IllegalStateException(
            "Exporter '" + exporter.id() + "' failed to configure: " + e.getMessage(), e);
      }
    }
    PartitionFilter filter = PartitionFilter.union(exporters);
    exporters.forEach(HostedExporter::initPosition);
    openFrom(0, filter);
  }

  private void openFrom(int index, PartitionFilter filter) {
    if (index == exporters.size()) {
      startReading(filter);
      return;
    }
    HostedExporter exporter = exporters.get(index);
    new RetryLoop(
            actor,
            settings.openBackoff(),
            () -> {
              try {
                exporter.open();
                return true;
              } catch (Exception e) {
                LOG.warn(
                    "Failed to open exporter '{}' on partition {}. Retrying...",
                    exporter.id(),
                    partitionId,
                    e);
                return false;
              }
            },
            () -> openFrom(index + 1, filter))
        .start();
  }

  private void startReading(PartitionFilter filter) {
    long from =
        exporters.stream()
            .mapToLong(HostedExporter::getLastExportedRecordPosition)
            .min()
            .orElse(ExportersState.NO_POSITION);
    loop =
        new ExportLoop(
            actor,
            exporters,
            filter,
            source.readerAfter(from),
            settings.exportBackoff(),
            this::delivered);
    subscription = source.onAppend(() -> actor.run(loop::readNext));
    opened.complete(null);
    actor.submit(loop::readNext);
  }

  private void delivered(long position) {
    deliveredPosition = position;
    signalProgress();
  }

  private void closeExporters() {
    subscription.close();
    if (loop != null) {
      loop.cancel();
    }
    exporters.forEach(HostedExporter::close);
    end(new IllegalStateException("Partition " + partitionId + " stopped before it opened"));
    actor.terminate();
  }

  private void fail(Throwable cause) {
    LOG.error("Partition {} failed; its exporters get no more calls", partitionId, cause);
    failure = cause;
    subscription.close();
    exporters.forEach(HostedExporter::releaseContext);
    end(cause);
  }

  private void end(Throwable openFailure) {
    ended = true;
    opened.completeExceptionally(openFailure);
    signalProgress();
  }

  private void signalProgress() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private boolean await(LongSupplier current, long position, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (current.getAsLong() < position) {
        if (failure != null) {
          throw new IllegalStateException("Partition " + partitionId + " failed", failure);
        }
        if (ended) {
          throw new IllegalStateException(
              "Partition " + partitionId + " ended before position " + position);
        }
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          return false;
        }
        try {
          progress.wait(remainingMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void awaitActorEnd() {
    if (!actor.awaitTermination(TERMINATION_TIMEOUT)) {
      throw new IllegalStateException(
          "Partition " + partitionId + " did not stop within " + TERMINATION_TIMEOUT);
    }
  }
}
