package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.Actor;
import dev.sightline.probe.host.actor.Timer;
import dev.sightline.probe.host.loading.ExporterCall;
import dev.sightline.probe.host.loading.ExporterCalls;
import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context.RecordFilter;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.Optional;

/**
 * One exporter instance on one partition, and the {@link Controller} it is given: the counterpart
 * of the broker's exporter container.
 *
 * <p>Positions: {@code updateLastExportedRecordPosition} is applied on the actor right after the
 * current job (the broker's {@code actor.run}), only when it moves the position forward; metadata
 * is stored only then, and a null metadata keeps the stored one. A record the filter rejects is not
 * passed on; if every record passed on so far is acknowledged, the acknowledged position moves to
 * the rejected record's (the broker's "update position on skip if up to date", which keeps
 * compaction going through filtered runs).
 *
 * <p>Thread-safety: confined to the partition's actor, except the Controller methods, which may be
 * called from any thread; {@code scheduleCancellableTask} only on the actor, as in the broker.
 */
final class HostedExporter implements Controller {

  private final String id;
  private final Exporter exporter;
  private final HostContext context;
  private final ExporterCalls calls;
  private final Actor actor;
  private final ExportersState state;
  private final Runnable onAcknowledged;
  private volatile long position;
  private long lastUnacknowledgedPosition;

  HostedExporter(
      Exporter exporter,
      HostContext context,
      ExporterCalls calls,
      Actor actor,
      ExportersState state,
      Runnable onAcknowledged) {
    this.id = context.getConfiguration().getId();
    this.exporter = exporter;
    this.context = context;
    this.calls = calls;
    this.actor = actor;
    this.state = state;
    this.onAcknowledged = onAcknowledged;
  }

  String id() {
    return id;
  }

  RecordFilter filter() {
    return context.filter();
  }

  ExporterCalls calls() {
    return calls;
  }

  void configure() throws Exception {
    calls.run(ExporterCall.CONFIGURE, () -> exporter.configure(context));
  }

  /**
   * Takes the acknowledged position from the state; an exporter new to the partition starts at -1.
   */
  void initPosition() {
    int partitionId = context.getPartitionId();
    if (!state.contains(partitionId, id)) {
      state.update(partitionId, id, ExportersState.NO_POSITION, null);
    }
    position = state.position(partitionId, id);
    lastUnacknowledgedPosition = position;
  }

  void open() throws Exception {
    calls.run(ExporterCall.OPEN, () -> exporter.open(this));
  }

  /**
   * Hands the record over unless already acknowledged or filtered out.
   *
   * @return false if the exporter threw, to be retried with the same record
   */
  boolean exportRecord(Record<?> record) {
    try {
      if (position < record.getPosition()) {
        if (accepts(record)) {
          calls.runUnchecked(ExporterCall.EXPORT, () -> exporter.export(record));
          lastUnacknowledgedPosition = record.getPosition();
        } else {
          updatePositionOnSkipIfUpToDate(record.getPosition());
        }
      }
      return true;
    } catch (RuntimeException e) {
      context.getLogger().warn("Error on exporting record with key {}", record.getKey(), e);
      return false;
    }
  }

  boolean accepts(Record<?> record) {
    boolean[] accepted = new boolean[1];
    calls.runUnchecked(ExporterCall.FILTER, () -> accepted[0] = context.accepts(record));
    return accepted[0];
  }

  /**
   * Moves the acknowledged position past a skipped record if nothing handed over is unacknowledged.
   */
  void updatePositionOnSkipIfUpToDate(long skippedPosition) {
    if (position >= lastUnacknowledgedPosition && position < skippedPosition) {
      updateExporterState(skippedPosition, null);
    }
  }

  /**
   * Closes the exporter; a throw is logged, as in the broker. Always releases the context's meters.
   */
  void close() {
    try {
      calls.run(ExporterCall.CLOSE, exporter::close);
    } catch (Exception e) {
      context.getLogger().error("Error on close", e);
    }
    releaseContext();
  }

  /** Releases the context's meters without calling the exporter (crash, failure). */
  void releaseContext() {
    context.close();
  }

  @Override
  public void updateLastExportedRecordPosition(long newPosition) {
    actor.run(() -> updateExporterState(newPosition, null));
  }

  @Override
  public void updateLastExportedRecordPosition(long newPosition, byte[] metadata) {
    actor.run(() -> updateExporterState(newPosition, metadata));
  }

  @Override
  public long getLastExportedRecordPosition() {
    return position;
  }

  @Override
  public ScheduledTask scheduleCancellableTask(Duration delay, Runnable task) {
    Timer timer =
        actor.schedule(delay, () -> calls.runUnchecked(ExporterCall.SCHEDULED_TASK, task));
    return timer::cancel;
  }

  @Override
  public Optional<byte[]> readMetadata() {
    return state.metadata(context.getPartitionId(), id);
  }

  private void updateExporterState(long newPosition, byte[] metadata) {
    if (position < newPosition) {
      state.update(context.getPartitionId(), id, newPosition, metadata);
      position = newPosition;
      onAcknowledged.run();
    }
  }
}
