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

  public FlushMetrics(MeterRegistry registry, int partitionId) {
    var partition = Integer.toString(partitionId);
    this.flushDuration =
        Timer.builder("sightline.exporter.flush.duration")
            .description("Time to write one batch (bulk requests and schema check)")
            .tag("partition", partition)
            .register(registry);
    this.bulkDocuments =
        DistributionSummary.builder("sightline.exporter.bulk.documents")
            .description("Documents written per flush")
            .tag("partition", partition)
            .register(registry);
    this.bulkRecords =
        DistributionSummary.builder("sightline.exporter.bulk.records")
            .description("Records covered per flush (several records merge into one document)")
            .tag("partition", partition)
            .register(registry);
    this.failedFlushes =
        Counter.builder("sightline.exporter.flush.failures")
            .description("Flushes that failed and were kept for a retry")
            .tag("partition", partition)
            .register(registry);
    this.rejectedItems =
        Counter.builder("sightline.exporter.bulk.rejected.items")
            .description("Bulk items Elasticsearch rejected")
            .tag("partition", partition)
            .register(registry);
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
