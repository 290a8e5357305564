package dev.sightline.exporter.upgrade;

import dev.sightline.exporter.meters.ExporterMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Schema-upgrade meters under {@code sightline.exporter.schema.upgrade.*}, registered at open so
 * that they show (at zero) on every partition; thread-safe as Micrometer is.
 */
final class UpgradeMeters {

  private final AtomicInteger copying = new AtomicInteger();
  private final Counter copied;
  private final Counter present;
  private final Counter deadLettered;
  private final Counter newerInOlder;
  private final Timer page;
  private final Counter failures;

  UpgradeMeters(MeterRegistry registry, int partitionId) {
    var partition = Integer.toString(partitionId);
    Gauge.builder(ExporterMeter.SCHEMA_UPGRADE_COPYING.id(), copying, AtomicInteger::get)
        .description(ExporterMeter.SCHEMA_UPGRADE_COPYING.description())
        .tag("partition", partition)
        .register(registry);
    copied = documents(registry, partition, "copied");
    present = documents(registry, partition, "present");
    deadLettered = documents(registry, partition, "deadLettered");
    newerInOlder = documents(registry, partition, "newerInOlder");
    page =
        Timer.builder(ExporterMeter.SCHEMA_UPGRADE_PAGE_DURATION.id())
            .description(ExporterMeter.SCHEMA_UPGRADE_PAGE_DURATION.description())
            .tag("partition", partition)
            .register(registry);
    failures =
        Counter.builder(ExporterMeter.SCHEMA_UPGRADE_FAILURES.id())
            .description(ExporterMeter.SCHEMA_UPGRADE_FAILURES.description())
            .tag("partition", partition)
            .register(registry);
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

  private static Counter documents(MeterRegistry registry, String partition, String outcome) {
    return Counter.builder(ExporterMeter.SCHEMA_UPGRADE_DOCUMENTS.id())
        .description(ExporterMeter.SCHEMA_UPGRADE_DOCUMENTS.description())
        .tag("partition", partition)
        .tag("outcome", outcome)
        .register(registry);
  }
}
