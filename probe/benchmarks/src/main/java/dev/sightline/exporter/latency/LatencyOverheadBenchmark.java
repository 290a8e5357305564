package dev.sightline.exporter.latency;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.config.VariablesConfig;
import dev.sightline.exporter.handler.ReadModelHandlers;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.LoggerFactory;

/**
 * The cost of latency measurement per record, against what it is measured relative to: the handler
 * and batch work of the same record. One operation = one record; an invocation handles a batch of
 * {@value #RECORDS} process-instance records (100 parent instances calling a child) through the
 * real handlers into a batch and "flushes" it (the batch is cleared; no Elasticsearch). Three
 * benchmarks on the same records:
 *
 * <ul>
 *   <li>{@code handlersAndBatch}: dispatch, handlers, batch — the baseline;
 *   <li>{@code latencyBookkeeping}: only what latency measurement adds per record — per-record
 *       times and the flush pass into the interval histograms;
 *   <li>{@code latencyBookkeepingAndTick}: the same plus one tick (interval histograms into the
 *       Micrometer meters) per batch; (this − latencyBookkeeping) × {@value #RECORDS} is the cost
 *       of one tick, a fixed cost per second and partition since the exporter ticks once a second
 *       whatever the load;
 *   <li>{@code handlersBatchAndLatency}: handlers, batch, bookkeeping and one tick per batch.
 * </ul>
 *
 * Per-record overhead = latencyBookkeeping / handlersAndBatch. {@code timestamps}: {@code distinct}
 * gives every record its own timestamp (5 ms apart: the worst case for the flush pass, which
 * records a run of equal values once); {@code perElement} gives the four lifecycle events of one
 * element one timestamp, as a broker does for the records it writes while processing one command (a
 * lower bound of what it shares in practice). Run: {@code ./sightline bench latency-overhead}
 * (docs/latency.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class LatencyOverheadBenchmark {

  static final int INSTANCES = 100;
  static final int RECORDS =
      3_600; // the scenario's process-instance records for 100 instances (asserted in setup)

  private final VirtualClock clock = new VirtualClock(1_800_000_000_000L);

  @Param({"distinct", "perElement"})
  public String timestamps;

  private List<Record<?>> records;
  private Batch batch;
  private RecordDispatcher dispatcher;
  private LatencyTracker tracker;
  private LatencyReporter reporter;

  @Setup
  public void setUp() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, clock.millis());
    var deployment = scenario.deploy();
    var instances = new ArrayList<Record<?>>();
    for (var i = 0; i < INSTANCES; i++) {
      instances.addAll(scenario.runToCompletion());
    }
    batch = new Batch();
    var registry = new SimpleMeterRegistry();
    var log = LoggerFactory.getLogger(LatencyOverheadBenchmark.class);
    var schema = new ReadModelSchema("bench", 1, 0);
    dispatcher =
        ReadModelHandlers.create(
            new ReadModelHandlers.Context(
                schema,
                batch,
                new InMemoryStore(),
                new VariablesConfig(8191),
                registry,
                1,
                log,
                clock::millis,
                ReadModelHandlers.CacheBudgets.PER_PARTITION));
    deployment.forEach(record -> dispatcher.dispatch(record, batch));
    batch.markAllWritten();
    records =
        instances.stream()
            .filter(record -> record.getValueType() == ValueType.PROCESS_INSTANCE)
            .toList();
    if (timestamps.equals("perElement")) {
      var shared = new ArrayList<Record<?>>();
      for (var i = 0; i < records.size(); i++) {
        shared.add(withTimestamp(records.get(i), records.get(i - i % 4).getTimestamp()));
      }
      records = shared;
    }
    if (records.size() != RECORDS) {
      throw new IllegalStateException(
          "RECORDS must be " + records.size() + " for @OperationsPerInvocation");
    }
    var recorders = new StageRecorders();
    tracker = new LatencyTracker(recorders, MicrosClock.of(clock));
    reporter =
        new LatencyReporter(
            recorders,
            new LatencyMeters(registry, 1, recorders),
            null,
            Duration.ofSeconds(10),
            clock::millis,
            log);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Record<?> withTimestamp(Record<?> record, long timestampMillis) {
    return ImmutableRecord.copyOf((Record) record).withTimestamp(timestampMillis);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void handlersAndBatch(Blackhole blackhole) {
    var now = clock.millis();
    for (var record : records) {
      if (dispatcher.dispatch(record, batch)) {
        batch.recordAccepted(record.getPosition(), now);
      }
    }
    blackhole.consume(batch.documentCount());
    clock.advance(Duration.ofMillis(7));
    batch.markAllWritten();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void latencyBookkeeping() {
    var now = clock.millis();
    for (var record : records) {
      tracker.recordAccepted(record, now);
    }
    tracker.flushStarted();
    clock.advance(Duration.ofMillis(7));
    tracker.flushSucceeded();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void latencyBookkeepingAndTick() {
    latencyBookkeeping();
    reporter.tick();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void handlersBatchAndLatency(Blackhole blackhole) {
    var now = clock.millis();
    for (var record : records) {
      if (dispatcher.dispatch(record, batch)) {
        batch.recordAccepted(record.getPosition(), now);
        tracker.recordAccepted(record, now);
      }
    }
    blackhole.consume(batch.documentCount());
    tracker.flushStarted();
    clock.advance(Duration.ofMillis(7));
    batch.markAllWritten();
    tracker.flushSucceeded();
    reporter.tick();
  }
}
