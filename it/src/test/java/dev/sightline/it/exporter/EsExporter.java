package dev.sightline.it.exporter;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.probe.host.HostContext;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exporter class with its real Elasticsearch store, on virtual time: the test decides when what
 * it exported must be durable ({@link #flush}), so restarts are exact, while every write and read
 * goes to a real node, with bulks in flight as the exporter's group commit sends them.
 */
final class EsExporter implements AutoCloseable {

  private static final Duration DELAY = Duration.ofSeconds(1);

  final VirtualClock clock;
  final TestController controller;
  final HostContext context;
  final SightlineExporter exporter;

  /** {@code connect} or {@code index} sections in {@code args} replace the test node's. */
  EsExporter(EngineTarget es, int partitionId, Map<String, Object> args) {
    this(es, partitionId, args, new VirtualClock(ExporterHarness.START_MILLIS), null, null);
  }

  EsExporter(EngineTarget es) {
    this(es, 1, Map.of());
  }

  /**
   * On the test's clock and controller (a broker restart: the controller holds what was
   * acknowledged before), with an exporter of the test's (null: the broker's).
   */
  EsExporter(
      EngineTarget es,
      int partitionId,
      Map<String, Object> args,
      VirtualClock clock,
      TestController controller,
      SightlineExporter exporter) {
    this.clock = clock;
    this.controller = controller != null ? controller : new TestController(clock);
    this.exporter = exporter != null ? exporter : new SightlineExporter();
    var all = new HashMap<String, Object>(args);
    all.putIfAbsent("connect", Map.of("url", es.url().toString()));
    all.putIfAbsent("index", Map.of("prefix", es.indexPrefix()));
    all.put("bulk", Map.of("size", 10_000, "delay", DELAY.toMillis()));
    context = ExporterHarness.context(all, partitionId, clock);
    this.exporter.configure(context);
    this.exporter.open(this.controller);
  }

  /**
   * Exports what the broker's filter lets through, then gives the exporter time (virtual, in step
   * with real time) until it acknowledged the last record, 5 s at most: what it exported is durable
   * unless the test made it fail.
   */
  void flush(List<Record<?>> records) {
    export(records);
    var last = records.isEmpty() ? -1L : records.getLast().getPosition();
    Await.advanceUntilAcknowledged(controller, last, DELAY.multipliedBy(5));
  }

  /**
   * Exports what the broker's filter lets through, then gives the exporter time (virtual, in step
   * with real time) until it acknowledged the last record it was handed, {@code atMost} at most.
   */
  void flush(List<Record<?>> records, Duration atMost) {
    Await.advanceUntilAcknowledged(controller, export(records).orElse(-1L), atMost);
  }

  /** Hands over what the filter lets through; the position of the last one handed over. */
  private java.util.Optional<Long> export(List<Record<?>> records) {
    java.util.Optional<Long> last = java.util.Optional.empty();
    for (var record : records) {
      if (context.accepts(record)) {
        exporter.export(record);
        last = java.util.Optional.of(record.getPosition());
      }
    }
    return last;
  }

  @Override
  public void close() {
    exporter.close();
  }
}
