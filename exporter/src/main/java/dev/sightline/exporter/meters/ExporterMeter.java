package dev.sightline.exporter.meters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every meter the exporter registers, its name and description in one place: what {@code
 * docs/operations.md} lists ({@code OperationsDocTest} checks it) and what dashboards read.
 */
public enum ExporterMeter {
  FLUSH_DURATION(
      "sightline.exporter.flush.duration",
      "Time from a bulk's send to its answer, for bulks made durable"),
  BULK_DOCUMENTS("sightline.exporter.bulk.documents", "Documents per bulk"),
  BULK_RECORDS(
      "sightline.exporter.bulk.records",
      "Records covered per bulk (several records merge into one document)"),
  FLUSH_FAILURES(
      "sightline.exporter.flush.failures", "Bulk attempts that failed and were kept for a retry"),
  BULK_REJECTED_ITEMS(
      "sightline.exporter.bulk.rejected.items", "Bulk items Elasticsearch rejected"),
  REFRESHES(
      "sightline.exporter.refreshes",
      "Refreshes the exporter asked for (visibility.refresh=after-bulk): on a bulk, or with _refresh"),
  REFRESH_FAILURES(
      "sightline.exporter.refresh.failures",
      "Refresh requests that failed (the index's refresh interval still applies)"),
  DEAD_LETTERS(
      "sightline.exporter.dead.letters",
      "Documents Elasticsearch rejected for good, written to the dead-letter index instead"),
  DEAD_LETTERS_FAILED(
      "sightline.exporter.dead.letters.failed",
      "Failed attempts to write dead letters: the batch is kept and retried, the partition waits"),
  TREEPATH_FALLBACKS(
      "sightline.exporter.treepath.fallbacks",
      "Tree paths written with the documented fallback because a parent was unknown"),
  RECORDS_SKIPPED(
      "sightline.exporter.records.skipped",
      "Records the exporter acknowledged without writing a document, by reason"),
  IMPORTERS_WAITING(
      "sightline.exporter.importers.waiting",
      "1 while the exporter waits for the two-hop importers to finish this partition"),
  IMPORTERS_HELD(
      "sightline.exporter.importers.held",
      "Records held, not yet handled, while waiting for the two-hop importers or a schema upgrade's copy-forward"),
  IMPORTERS_HELD_BYTES(
      "sightline.exporter.importers.held.bytes",
      "Estimated heap bytes of the records held while waiting for the importers or a schema upgrade"),
  LATENCY(
      "sightline.exporter.latency",
      "Per-record latency of one stage, on the broker's record clock (docs/latency.md)"),
  LATENCY_PERCENTILE(
      "sightline.exporter.latency.percentile",
      "Latency percentile of one stage over the last minute (quantile 1.0 = max)"),
  LATENCY_HISTOGRAM(
      "sightline.exporter.latency.histogram",
      "Records whose stage latency was at or below le seconds"),
  LATENCY_CLAMPED(
      "sightline.exporter.latency.clamped",
      "Latencies outside 0 to 1 h (a clock stepped back, old records replayed) recorded at the nearer bound, by bound"),
  VISIBILITY_SEARCHES(
      "sightline.exporter.visibility.searches",
      "Searches the visible stage sent (docs/latency.md)"),
  VISIBILITY_RECORDS(
      "sightline.exporter.visibility.records",
      "Records the visible stage followed, by how it ended (docs/latency.md)"),
  VISIBILITY_PENDING(
      "sightline.exporter.visibility.pending",
      "Records the visible stage follows and has not seen yet"),
  RETENTION_RUNS(
      "sightline.exporter.retention.runs",
      "Retention runs by outcome: done, failed, or skipped while the previous one was still running"),
  RETENTION_RUN_DURATION(
      "sightline.exporter.retention.run.duration",
      "Time a retention run took, from its refresh to its last delete"),
  RETENTION_DELETED(
      "sightline.exporter.retention.deleted",
      "Documents retention deleted, by kind: root instances, called instances, other documents"),
  SCHEMA_UPGRADE_COPYING(
      "sightline.exporter.schema.upgrade.copying",
      "1 while the partition copies its documents forward from older index versions; records are held meanwhile"),
  SCHEMA_UPGRADE_DOCUMENTS(
      "sightline.exporter.schema.upgrade.documents",
      "Documents a schema upgrade moved from an older index version, by outcome: copied, present (already in the current version), deadLettered; newerInOlder: present, but the older copy had later changes"),
  SCHEMA_UPGRADE_PAGE_DURATION(
      "sightline.exporter.schema.upgrade.page.duration",
      "Time one page of a schema upgrade took, from its search to its delete"),
  SCHEMA_UPGRADE_FAILURES(
      "sightline.exporter.schema.upgrade.failures",
      "Failed requests of a schema upgrade's copy-forward; it starts over after a backoff");

  private final String id;
  private final String description;

  ExporterMeter(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /**
   * This meter as a counter of one partition, registered (or found) in {@code registry}; {@code
   * tags} are more tags as key, value pairs, e.g. {@code "outcome", "done"}.
   */
  public Counter counter(MeterRegistry registry, int partitionId, String... tags) {
    return Counter.builder(id)
        .description(description)
        .tag("partition", Integer.toString(partitionId))
        .tags(tags)
        .register(registry);
  }

  /** This meter as a timer of one partition. */
  public Timer timer(MeterRegistry registry, int partitionId) {
    return Timer.builder(id)
        .description(description)
        .tag("partition", Integer.toString(partitionId))
        .register(registry);
  }

  /** This meter as a gauge of one partition that reads {@code value}. */
  public void gauge(MeterRegistry registry, int partitionId, AtomicInteger value) {
    Gauge.builder(id, value, AtomicInteger::get)
        .description(description)
        .tag("partition", Integer.toString(partitionId))
        .register(registry);
  }

  /** The Micrometer name. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
