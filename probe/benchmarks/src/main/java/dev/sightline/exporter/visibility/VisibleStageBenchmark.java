package dev.sightline.exporter.visibility;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.config.VariablesConfig;
import dev.sightline.exporter.config.VisibleStageConfig;
import dev.sightline.exporter.handler.ReadModelHandlers;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.latency.MicrosClock;
import dev.sightline.exporter.latency.StageRecorders;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentPosition;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * What the {@code visible} stage costs the exporter thread per record, against the handler and
 * batch work of the same record. One operation = one record; an invocation handles {@value
 * #RECORDS} process-instance records (100 parent instances calling a child) into a batch and writes
 * it (no Elasticsearch): {@code handlersAndBatch} without the stage, {@code
 * handlersBatchAndVisibleStage} with it — every merge reported to it, the sampled records followed,
 * written, searched for (a search double that answers at once that every document is visible) and
 * recorded, at the stage's search cap on a clock that moves 7 ms per batch. Per-record cost = the
 * difference. {@code sampleOneIn}: 100, 10 (the default) and 1 (every document). Run: {@code
 * ./sightline bench visible-stage} (docs/latency.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class VisibleStageBenchmark {

  static final int INSTANCES = 100;
  static final int RECORDS = 3_600; // asserted in setup

  private final VirtualClock clock = new VirtualClock(1_800_000_000_000L);

  @Param({"100", "10", "1"})
  public int sampleOneIn;

  private List<Record<?>> records;
  private Batch plain;
  private RecordDispatcher plainDispatcher;
  private Batch watched;
  private RecordDispatcher watchedDispatcher;
  private VisibleStage stage;

  @Setup
  public void setUp() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, clock.millis());
    var deployment = scenario.deploy();
    var instances = new ArrayList<Record<?>>();
    for (var i = 0; i < INSTANCES; i++) {
      instances.addAll(scenario.runToCompletion());
    }
    records =
        instances.stream()
            .filter(record -> record.getValueType() == ValueType.PROCESS_INSTANCE)
            .toList();
    if (records.size() != RECORDS) {
      throw new IllegalStateException(
          "RECORDS must be " + records.size() + " for @OperationsPerInvocation");
    }
    var registry = new SimpleMeterRegistry();
    var log = LoggerFactory.getLogger(VisibleStageBenchmark.class);
    stage =
        new VisibleStage(
            new VisibleStageConfig(true, sampleOneIn, 20, 100_000, Duration.ofMinutes(2)),
            VisibleStageBenchmark::allVisible,
            new StageRecorders(),
            MicrosClock.of(clock),
            clock::millis,
            (delay, task) -> () -> {}, // the record path polls: a backlog's case
            registry,
            1,
            Duration.ofSeconds(30),
            log);
    plain = new Batch();
    plainDispatcher = dispatcher(plain, registry, deployment);
    watched = new Batch(Batch.NewDocuments.WHOLE, null, stage);
    watchedDispatcher = dispatcher(watched, registry, deployment);
  }

  private RecordDispatcher dispatcher(
      Batch batch, SimpleMeterRegistry registry, List<Record<?>> deployment) {
    var dispatcher =
        ReadModelHandlers.create(
            new ReadModelHandlers.Context(
                new ReadModelSchema("bench", 1, 0),
                batch,
                new InMemoryStore(),
                new VariablesConfig(8191),
                registry,
                1,
                LoggerFactory.getLogger(VisibleStageBenchmark.class),
                clock::millis,
                ReadModelHandlers.CacheBudgets.PER_PARTITION));
    deployment.forEach(record -> dispatcher.dispatch(record, batch));
    batch.markAllWritten();
    return dispatcher;
  }

  /** Every document asked for is visible, at the highest position: a search that finds all. */
  private static CompletableFuture<List<DocumentPosition>> allVisible(
      Map<String, List<String>> ids) {
    var found = new ArrayList<DocumentPosition>();
    ids.forEach(
        (index, list) ->
            list.forEach(id -> found.add(new DocumentPosition(index, id, Long.MAX_VALUE))));
    return CompletableFuture.completedFuture(found);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void handlersAndBatch(Blackhole blackhole) {
    var now = clock.millis();
    for (var record : records) {
      if (plainDispatcher.dispatch(record, plain)) {
        plain.recordAccepted(record.getPosition(), now);
      }
    }
    blackhole.consume(plain.documentCount());
    clock.advance(Duration.ofMillis(7));
    plain.markAllWritten();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void handlersBatchAndVisibleStage(Blackhole blackhole) {
    var now = clock.millis();
    for (var record : records) {
      if (watchedDispatcher.dispatch(record, watched)) {
        watched.recordAccepted(record.getPosition(), now);
        stage.recordAccepted(record); // as the latency tracker forwards it
      }
    }
    blackhole.consume(watched.documentCount());
    clock.advance(Duration.ofMillis(7));
    watched.markAllWritten(); // written: the followed documents wait for a search
    blackhole.consume(stage.pending());
  }
}
