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
    this.flushDuration =
        Timer.builder(ExporterMeter.FLUSH_DURATION.id())
            .description(ExporterMeter.FLUSH_DURATION.description())
            .tag("partition", partition)
            .register(registry);
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
    this.failedFlushes =
        Counter.builder(ExporterMeter.FLUSH_FAILURES.id())
            .description(ExporterMeter.FLUSH_FAILURES.description())
            .tag("partition", partition)
            .register(registry);
    this.rejectedItems =
        Counter.builder(ExporterMeter.BULK_REJECTED_ITEMS.id())
            .description(ExporterMeter.BULK_REJECTED_ITEMS.description())
            .tag("partition", partition)
            .register(registry);
    this.bulkRefreshes = refreshes(registry, partition, "bulk");
    this.requestRefreshes = refreshes(registry, partition, "request");
    this.failedRefreshes =
        Counter.builder(ExporterMeter.REFRESH_FAILURES.id())
            .description(ExporterMeter.REFRESH_FAILURES.description())
            .tag("partition", partition)
            .register(registry);
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

  private static Counter refreshes(MeterRegistry registry, String partition, String kind) {
    return Counter.builder(ExporterMeter.REFRESHES.id())
        .description(ExporterMeter.REFRESHES.description())
        .tag("partition", partition)
        .tag("kind", kind)
        .register(registry);
  }

  void flushFailed(StoreException failure) {
    failedFlushes.increment();
    failure.itemFailures().ifPresent(items -> rejectedItems.increment(items.total()));
  }
}
