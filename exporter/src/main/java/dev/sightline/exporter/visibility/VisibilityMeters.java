package dev.sightline.exporter.visibility;

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

  static final String SEARCHES = "sightline.exporter.visibility.searches";
  static final String RECORDS = "sightline.exporter.visibility.records";
  static final String PENDING = "sightline.exporter.visibility.pending";

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
    Gauge.builder(PENDING, pending)
        .description("Records the visible stage follows and has not seen yet")
        .tag("partition", partition)
        .register(registry);
  }

  private static Counter searches(MeterRegistry registry, String partition, String outcome) {
    return Counter.builder(SEARCHES)
        .description("Searches the visible stage sent (docs/latency.md)")
        .tags("partition", partition, "outcome", outcome)
        .register(registry);
  }

  private static Counter records(MeterRegistry registry, String partition, String outcome) {
    return Counter.builder(RECORDS)
        .description("Records the visible stage followed, by how it ended (docs/latency.md)")
        .tags("partition", partition, "outcome", outcome)
        .register(registry);
  }
}
