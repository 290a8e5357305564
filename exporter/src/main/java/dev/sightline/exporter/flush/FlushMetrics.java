package dev.sightline.exporter.flush;

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
        Timer.builder("sightline.exporter.flush.duration")
            .description("Time from a bulk's send to its answer, for bulks made durable")
            .tag("partition", partition)
            .register(registry);
    this.bulkDocuments =
        DistributionSummary.builder("sightline.exporter.bulk.documents")
            .description("Documents per bulk")
            .tag("partition", partition)
            .register(registry);
    this.bulkRecords =
        DistributionSummary.builder("sightline.exporter.bulk.records")
            .description("Records covered per bulk (several records merge into one document)")
            .tag("partition", partition)
            .register(registry);
    this.failedFlushes =
        Counter.builder("sightline.exporter.flush.failures")
            .description("Bulk attempts that failed and were kept for a retry")
            .tag("partition", partition)
            .register(registry);
    this.rejectedItems =
        Counter.builder("sightline.exporter.bulk.rejected.items")
            .description("Bulk items Elasticsearch rejected")
            .tag("partition", partition)
            .register(registry);
    this.bulkRefreshes = refreshes(registry, partition, "bulk");
    this.requestRefreshes = refreshes(registry, partition, "request");
    this.failedRefreshes =
        Counter.builder("sightline.exporter.refresh.failures")
            .description(
                "Refresh requests that failed (the index's refresh interval still applies)")
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
    return Counter.builder("sightline.exporter.refreshes")
        .description(
            "Refreshes the exporter asked for (visibility.refresh=after-bulk): on a bulk, or with"
                + " _refresh")
        .tag("partition", partition)
        .tag("kind", kind)
        .register(registry);
  }

  void flushFailed(StoreException failure) {
    failedFlushes.increment();
    failure.itemFailures().ifPresent(items -> rejectedItems.increment(items.total()));
  }
}
