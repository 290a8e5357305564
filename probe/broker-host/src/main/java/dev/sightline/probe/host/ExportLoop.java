package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.Actor;
import dev.sightline.probe.host.source.RecordSource.RecordReader;
import io.camunda.zeebe.protocol.record.Record;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads a partition's records in position order and hands each to every exporter in turn, like the
 * broker's exporter director: one record at a time; a record the partition filter rejects is
 * skipped (exporters that are up to date move their position past it); an exporter that throws gets
 * the same record again after a backoff, and the exporters after it wait; nothing is ever skipped
 * because of a failure.
 *
 * <p>Thread-safety: confined to the partition's actor.
 */
final class ExportLoop {

  private final Actor actor;
  private final List<HostedExporter> exporters;
  private final PartitionFilter filter;
  private final RecordReader reader;
  private final BrokerRetry backoff;
  private final LongConsumer onDelivered;
  private final ReusedRecord view = new ReusedRecord();
  private boolean inExport;
  private int exporterIndex;
  private RetryLoop retry;

  /**
   * @param onDelivered told the position of each record all exporters have received or skipped
   */
  ExportLoop(
      Actor actor,
      List<HostedExporter> exporters,
      PartitionFilter filter,
      RecordReader reader,
      BrokerRetry backoff,
      LongConsumer onDelivered) {
    this.actor = actor;
    this.exporters = exporters;
    this.filter = filter;
    this.reader = reader;
    this.backoff = backoff;
    this.onDelivered = onDelivered;
  }

  /** Reads the next record if none is in flight; a no-op when the source has nothing new. */
  void readNext() {
    if (inExport || actor.isTerminated()) {
      return;
    }
    Record<?> record = reader.next();
    if (record == null) {
      return;
    }
    view.wrap(record);
    if (!filter.accepts(view)) {
      exporters.forEach(exporter -> exporter.updatePositionOnSkipIfUpToDate(record.getPosition()));
      finish(record.getPosition());
      return;
    }
    inExport = true;
    exporterIndex = 0;
    retry =
        new RetryLoop(actor, backoff, this::exportToRemaining, () -> finish(record.getPosition()));
    retry.start();
  }

  void cancel() {
    if (retry != null) {
      retry.cancel();
    }
  }

  private boolean exportToRemaining() {
    while (exporterIndex < exporters.size() && !actor.isTerminated()) {
      if (!exporters.get(exporterIndex).exportRecord(view)) {
        return false;
      }
      exporterIndex++;
    }
    return exporterIndex == exporters.size();
  }

  private void finish(long position) {
    inExport = false;
    retry = null;
    onDelivered.accept(position);
    actor.submit(this::readNext);
  }
}
