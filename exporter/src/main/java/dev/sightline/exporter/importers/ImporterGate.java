package dev.sightline.exporter.importers;

import dev.sightline.exporter.meters.ExporterMeter;
import dev.sightline.exporter.store.StoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Keeps the exporter from writing a partition's read model until the two-hop importers have
 * imported that partition's old records (else the importers would overwrite newer documents with
 * older state). Opens at most once; once open it stays open, and the exporter remembers that in its
 * metadata so a restart never waits again. A failed check (Elasticsearch unreachable) leaves it
 * closed; the caller checks again later.
 *
 * <p>Not thread-safe: owned by the exporter's thread.
 */
public final class ImporterGate {

  private final ImportStatusSource source;
  private final int partitionId;
  private final Logger log;
  private final AtomicInteger waiting = new AtomicInteger(1);
  private ImportStatus lastStatus;

  private ImporterGate(
      ImportStatusSource source,
      int partitionId,
      MeterRegistry registry,
      Logger log,
      boolean open) {
    this.source = source;
    this.partitionId = partitionId;
    this.log = log;
    waiting.set(open ? 0 : 1);
    Gauge.builder(ExporterMeter.IMPORTERS_WAITING.id(), waiting, AtomicInteger::get)
        .description(ExporterMeter.IMPORTERS_WAITING.description())
        .tag("partition", Integer.toString(partitionId))
        .register(registry);
  }

  /** A gate that is already open: the importers were found done before (exporter metadata). */
  public static ImporterGate open(int partitionId, MeterRegistry registry, Logger log) {
    return new ImporterGate(null, partitionId, registry, log, true);
  }

  public static ImporterGate closed(
      ImportStatusSource source, int partitionId, MeterRegistry registry, Logger log) {
    return new ImporterGate(source, partitionId, registry, log, false);
  }

  public boolean isOpen() {
    return waiting.get() == 0;
  }

  /**
   * Checks the importers' progress once; returns whether the gate is open now. A check that fails
   * is logged and leaves the gate closed.
   */
  public boolean check() {
    if (isOpen()) {
      return true;
    }
    try {
      var status = source.check(partitionId);
      if (!status.equals(lastStatus)) {
        log.info("Partition {}: importers {} ({})", partitionId, status.state(), status.detail());
        lastStatus = status;
      }
      if (status.allowsWriting()) {
        waiting.set(0);
        source.close();
      }
    } catch (StoreException e) {
      log.warn(
          "Partition {}: cannot check the importers' progress yet, will retry: {}",
          partitionId,
          e.getMessage());
    }
    return isOpen();
  }

  /** Releases the status source if the gate never opened (exporter closing). */
  public void close() {
    if (!isOpen() && source != null) {
      source.close();
    }
  }
}
