package dev.sightline.exporter.retention;

import dev.sightline.exporter.meters.ExporterMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Retention meters under {@code sightline.exporter.retention.*}; thread-safe as Micrometer is. */
final class RetentionMeters {

  private final Counter done;
  private final Counter failed;
  private final Counter skipped;
  private final Timer duration;
  private final Counter roots;
  private final Counter called;
  private final Counter others;

  RetentionMeters(MeterRegistry registry, int partitionId) {
    var partition = Integer.toString(partitionId);
    done = runs(registry, partition, "done");
    failed = runs(registry, partition, "failed");
    skipped = runs(registry, partition, "skipped");
    duration =
        Timer.builder(ExporterMeter.RETENTION_RUN_DURATION.id())
            .description(ExporterMeter.RETENTION_RUN_DURATION.description())
            .tag("partition", partition)
            .register(registry);
    roots = deleted(registry, partition, "rootInstance");
    called = deleted(registry, partition, "calledInstance");
    others = deleted(registry, partition, "other");
  }

  void done(RetentionRun.Outcome outcome, long durationNanos) {
    done.increment();
    duration.record(durationNanos, TimeUnit.NANOSECONDS);
    roots.increment(outcome.rootsDeleted());
    called.increment(outcome.calledInstancesDeleted());
    others.increment(outcome.otherDocumentsDeleted());
  }

  void failed() {
    failed.increment();
  }

  void skipped() {
    skipped.increment();
  }

  private static Counter runs(MeterRegistry registry, String partition, String outcome) {
    return Counter.builder(ExporterMeter.RETENTION_RUNS.id())
        .description(ExporterMeter.RETENTION_RUNS.description())
        .tag("partition", partition)
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter deleted(MeterRegistry registry, String partition, String kind) {
    return Counter.builder(ExporterMeter.RETENTION_DELETED.id())
        .description(ExporterMeter.RETENTION_DELETED.description())
        .tag("partition", partition)
        .tag("kind", kind)
        .register(registry);
  }
}
