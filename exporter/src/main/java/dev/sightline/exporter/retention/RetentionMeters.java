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
    done = ExporterMeter.RETENTION_RUNS.counter(registry, partitionId, "outcome", "done");
    failed = ExporterMeter.RETENTION_RUNS.counter(registry, partitionId, "outcome", "failed");
    skipped = ExporterMeter.RETENTION_RUNS.counter(registry, partitionId, "outcome", "skipped");
    duration = ExporterMeter.RETENTION_RUN_DURATION.timer(registry, partitionId);
    roots = ExporterMeter.RETENTION_DELETED.counter(registry, partitionId, "kind", "rootInstance");
    called =
        ExporterMeter.RETENTION_DELETED.counter(registry, partitionId, "kind", "calledInstance");
    others = ExporterMeter.RETENTION_DELETED.counter(registry, partitionId, "kind", "other");
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
}
