package dev.sightline.exporter.flush;

import dev.sightline.exporter.meters.ExporterMeter;
import dev.sightline.exporter.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Flush meters under {@code sightline.exporter.*} in the broker's registry. */
public final class FlushMetrics {

  private final Timer flushDuration;
  private final DistributionSummary bulkDocuments;
  private final DistributionSummary bulkRecords;
  private final Counter failedFlushes;
  private final Counter rejectedItems;
  private final Counter bulkRefreshes;
  private final Counter requestRefreshes;
  private final Counter failedRefreshes;

  /** How a refresh was asked for: on a bulk ({@code refresh=true}) or with {@code _refresh}. */
  enum RefreshKind {
    BULK,
    REQUEST
  }

  public FlushMetrics(MeterRegistry registry, int partitionId) {
    var partition = Integer.toString(partitionId);
    this.flushDuration = ExporterMeter.FLUSH_DURATION.timer(registry, partitionId);
    this.bulkDocuments =
        DistributionSummary.builder(ExporterMeter.BULK_DOCUMENTS.id())
            .description(ExporterMeter.BULK_DOCUMENTS.description())
            .tag("partition", partition)
            .register(registry);
    this.bulkRecords =
        DistributionSummary.builder(ExporterMeter.BULK_RECORDS.id())
            .description(ExporterMeter.BULK_RECORDS.description())
            .tag("partition", partition)
            .register(registry);
    this.failedFlushes = ExporterMeter.FLUSH_FAILURES.counter(registry, partitionId);
    this.rejectedItems = ExporterMeter.BULK_REJECTED_ITEMS.counter(registry, partitionId);
    this.bulkRefreshes = ExporterMeter.REFRESHES.counter(registry, partitionId, "kind", "bulk");
    this.requestRefreshes =
        ExporterMeter.REFRESHES.counter(registry, partitionId, "kind", "request");
    this.failedRefreshes = ExporterMeter.REFRESH_FAILURES.counter(registry, partitionId);
  }

  void refreshed(RefreshKind kind) {
    (kind == RefreshKind.BULK ? bulkRefreshes : requestRefreshes).increment();
  }

  void refreshFailed() {
    failedRefreshes.increment();
  }

  void flushed(int documents, int records, long durationNanos) {
    flushDuration.record(durationNanos, TimeUnit.NANOSECONDS);
    bulkDocuments.record(documents);
    bulkRecords.record(records);
  }

  void flushFailed(StoreException failure) {
    failedFlushes.increment();
    failure.itemFailures().ifPresent(items -> rejectedItems.increment(items.total()));
  }
}
