package dev.sightline.exporter.visibility;

import dev.sightline.exporter.meters.ExporterMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The {@code visible} stage's own figures, tag {@code partition}: what it costs and what it could
 * not measure (docs/latency.md). The latencies themselves are in the latency meters, stage {@code
 * visible}.
 *
 * <ul>
 *   <li>{@code sightline.exporter.visibility.searches} (tag {@code outcome}: {@code answered},
 *       {@code failed}): searches sent;
 *   <li>{@code sightline.exporter.visibility.records} (tag {@code outcome}): followed records
 *       {@code visible}, {@code timedOut} (not seen within {@code latency.visibility.giveUpAfter}),
 *       {@code dropped} (more than {@code latency.visibility.maxPending} followed already) and
 *       {@code notWritten} (their document was dead-lettered);
 *   <li>{@code sightline.exporter.visibility.pending}: records followed and not seen yet.
 * </ul>
 *
 * <p>Threading: counted on the exporter's thread; the registry reads from any.
 */
final class VisibilityMeters {

  static final String SEARCHES = ExporterMeter.VISIBILITY_SEARCHES.id();
  static final String RECORDS = ExporterMeter.VISIBILITY_RECORDS.id();
  static final String PENDING = ExporterMeter.VISIBILITY_PENDING.id();

  final Counter answered;
  final Counter failed;
  final Counter visible;
  final Counter timedOut;
  final Counter dropped;
  final Counter notWritten;

  VisibilityMeters(MeterRegistry registry, int partitionId, Supplier<Number> pending) {
    var partition = Integer.toString(partitionId);
    answered = searches(registry, partition, "answered");
    failed = searches(registry, partition, "failed");
    visible = records(registry, partition, "visible");
    timedOut = records(registry, partition, "timedOut");
    dropped = records(registry, partition, "dropped");
    notWritten = records(registry, partition, "notWritten");
    Gauge.builder(ExporterMeter.VISIBILITY_PENDING.id(), pending)
        .description(ExporterMeter.VISIBILITY_PENDING.description())
        .tag("partition", partition)
        .register(registry);
  }

  private static Counter searches(MeterRegistry registry, String partition, String outcome) {
    return Counter.builder(ExporterMeter.VISIBILITY_SEARCHES.id())
        .description(ExporterMeter.VISIBILITY_SEARCHES.description())
        .tags("partition", partition, "outcome", outcome)
        .register(registry);
  }

  private static Counter records(MeterRegistry registry, String partition, String outcome) {
    return Counter.builder(ExporterMeter.VISIBILITY_RECORDS.id())
        .description(ExporterMeter.VISIBILITY_RECORDS.description())
        .tags("partition", partition, "outcome", outcome)
        .register(registry);
  }
}
