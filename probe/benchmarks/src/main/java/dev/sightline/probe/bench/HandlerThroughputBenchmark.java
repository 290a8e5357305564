package dev.sightline.probe.bench;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.config.VariablesConfig;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.handler.ReadModelHandlers;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * Records per second one core turns into batched read-model documents: the direct exporter's CPU
 * path without Elasticsearch — record filter, handlers (tree paths, definitions, incident flags,
 * variable previews), batch merge and the flush policy; at {@code bulk.size} documents the batch is
 * cleared where the exporter would send it. One operation = one record of the default comparison
 * workload (the benchmark shape, 1 KiB payload, 1 % incidents) on one partition, replayed in log
 * order. Run: {@code ./sightline bench throughput} (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class HandlerThroughputBenchmark {

  /** Root instances in the replayed log; 289 records each. */
  static final int INSTANCES = 1_000;

  @Param({"1024"})
  public int payload;

  private final ReadModelRecordFilter filter = new ReadModelRecordFilter();
  private final FlushPolicy policy = new FlushPolicy(1_000, Duration.ofSeconds(1), 10L << 20);
  private Record<?>[] records;
  private int next;
  private long nowMillis;
  private Batch batch;
  private RecordDispatcher dispatcher;

  @Setup
  public void setUp() {
    var spec =
        WorkloadSpec.defaults()
            .withPartitions(1)
            .withRate(INSTANCES)
            .withDuration(Duration.ofSeconds(1), Duration.ZERO)
            .withPayloadBytes(payload);
    records =
        Workload.of(spec, Instant.parse("2026-01-01T00:00:00Z")).stream(1)
            .toArray(Record<?>[]::new);
    batch = new Batch();
    dispatcher =
        ReadModelHandlers.create(
            new ReadModelHandlers.Context(
                new ReadModelSchema("bench", 1, 0),
                batch,
                new InMemoryStore(),
                new VariablesConfig(8191),
                new SimpleMeterRegistry(),
                1,
                LoggerFactory.getLogger(HandlerThroughputBenchmark.class),
                () -> nowMillis,
                ReadModelHandlers.CacheBudgets.PER_PARTITION));
  }

  @Benchmark
  public int exportOneRecord() {
    var record = records[next];
    next = next + 1 == records.length ? 0 : next + 1;
    nowMillis = record.getTimestamp();
    if (filter.acceptType(record.getRecordType())
        && filter.acceptValue(record.getValueType())
        && filter.acceptIntent(record.getIntent())
        && dispatcher.dispatch(record, batch)) {
      batch.recordAccepted(record.getPosition(), nowMillis);
    } else {
      batch.recordSkipped(record.getPosition());
    }
    if (policy.shouldFlush(batch, nowMillis)) {
      batch.markAllWritten();
    }
    return batch.documentCount();
  }
}
