package dev.sightline.exporter.upgrade;

import static dev.sightline.exporter.meters.ExporterMeter.SCHEMA_UPGRADE_COPYING;
import static dev.sightline.exporter.meters.ExporterMeter.SCHEMA_UPGRADE_DOCUMENTS;
import static dev.sightline.exporter.meters.ExporterMeter.SCHEMA_UPGRADE_FAILURES;
import static dev.sightline.exporter.meters.ExporterMeter.SCHEMA_UPGRADE_PAGE_DURATION;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Schema-upgrade meters under {@code sightline.exporter.schema.upgrade.*}, registered at open so
 * that they show (at zero) on every partition; thread-safe as Micrometer is.
 */
final class UpgradeMeters {

  private static final String OUTCOME = "outcome";

  private final AtomicInteger copying = new AtomicInteger();
  private final Counter copied;
  private final Counter present;
  private final Counter deadLettered;
  private final Counter newerInOlder;
  private final Timer page;
  private final Counter failures;

  UpgradeMeters(MeterRegistry registry, int partitionId) {
    SCHEMA_UPGRADE_COPYING.gauge(registry, partitionId, copying);
    copied = SCHEMA_UPGRADE_DOCUMENTS.counter(registry, partitionId, OUTCOME, "copied");
    present = SCHEMA_UPGRADE_DOCUMENTS.counter(registry, partitionId, OUTCOME, "present");
    deadLettered = SCHEMA_UPGRADE_DOCUMENTS.counter(registry, partitionId, OUTCOME, "deadLettered");
    newerInOlder = SCHEMA_UPGRADE_DOCUMENTS.counter(registry, partitionId, OUTCOME, "newerInOlder");
    page = SCHEMA_UPGRADE_PAGE_DURATION.timer(registry, partitionId);
    failures = SCHEMA_UPGRADE_FAILURES.counter(registry, partitionId);
  }

  void copying(boolean on) {
    copying.set(on ? 1 : 0);
  }

  void page(int copiedDocuments, int presentDocuments, int deadLetters, long durationNanos) {
    copied.increment(copiedDocuments);
    present.increment(presentDocuments);
    deadLettered.increment(deadLetters);
    page.record(durationNanos, TimeUnit.NANOSECONDS);
  }

  /** Documents present in the current version whose older copy holds later changes. */
  void newerInOlder(int documents) {
    newerInOlder.increment(documents);
  }

  void failed() {
    failures.increment();
  }
}
