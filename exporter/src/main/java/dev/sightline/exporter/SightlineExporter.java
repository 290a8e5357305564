package dev.sightline.exporter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.flush.Backoff;
import dev.sightline.exporter.flush.ExporterMetadata;
import dev.sightline.exporter.flush.FlushMetrics;
import dev.sightline.exporter.flush.Flusher;
import dev.sightline.exporter.handler.BatchThenStoreLookup;
import dev.sightline.exporter.handler.ProcessHandler;
import dev.sightline.exporter.handler.ProcessInstanceHandler;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.latency.LatencyMeasurement;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.exporter.treepath.FallbackReporter;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;

/**
 * Sightline's Zeebe exporter: aggregates records straight into the read-model indices. This class only wires
 * the parts and runs the lifecycle; the path of a record is {@link RecordPipeline}.
 *
 * <p>Threading: the broker calls every method, and runs every scheduled task, on one thread per partition.
 */
public final class SightlineExporter implements Exporter {

  /** Entries per bounded cache (tree paths, process definitions), per partition. */
  static final int CACHE_SIZE = 10_000;

  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoreFactory storeFactory;
  private ExporterConfig config;
  private Logger log;
  private MeterRegistry meters;
  private InstantSource clock;
  private int partitionId;

  private Controller controller;
  private DocumentStore store;
  private RecordPipeline pipeline;
  private ScheduledTask flushTask;
  private LatencyMeasurement latency;
  private ScheduledTask latencyTask;

  /** The constructor the broker calls. */
  public SightlineExporter() {
    this(StoreFactory.ELASTICSEARCH);
  }

  /** For tests: a store of their own. */
  public SightlineExporter(StoreFactory storeFactory) {
    this.storeFactory = storeFactory;
  }

  @Override
  public void configure(Context context) {
    // The broker first calls this on a throw-away instance (partition Integer.MIN_VALUE) to validate.
    config = ConfigParser.parse(context.getConfiguration().getArguments());
    log = context.getLogger();
    meters = context.getMeterRegistry();
    clock = context.clock();
    partitionId = context.getPartitionId();
    context.setFilter(new ReadModelRecordFilter());
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    var metadata = controller.readMetadata().map(bytes -> ExporterMetadata.fromJson(bytes, JSON));
    var schema = schema();
    store = storeFactory.create(config, schema, JSON);
    var batch = new Batch();
    latency = LatencyMeasurement.open(config.latency(), meters, partitionId, clock, log);
    var definitions = new ProcessDefinitions(CACHE_SIZE);
    var treePaths =
        new TreePathResolver(
            definitions,
            new BatchThenStoreLookup(batch, store, schema),
            new FallbackReporter(meters, partitionId, log),
            CACHE_SIZE);
    var dispatcher =
        new RecordDispatcher(List.of(new ProcessHandler(definitions), new ProcessInstanceHandler(schema, treePaths)));
    var flusher =
        new Flusher(
            batch,
            store,
            new Backoff(INITIAL_BACKOFF, config.retry().maxBackoff()),
            Flusher.Acknowledger.of(controller, ExporterMetadata.initial().toJson(JSON)),
            new FlushMetrics(meters, partitionId),
            clock::millis,
            latency.tracker());
    var bulk = config.bulk();
    pipeline =
        new RecordPipeline(
            dispatcher,
            batch,
            new FlushPolicy(bulk.size(), bulk.delay(), bulk.memoryLimitBytes()),
            flusher,
            clock::millis,
            log,
            latency.tracker());
    try {
      flusher.ensureSchema();
    } catch (StoreException e) {
      log.warn("Elasticsearch not ready at open; the schema will be created before the first flush: {}", e.getMessage());
    }
    scheduleFlush(bulk.delay());
    scheduleLatencyTick();
    log.info(
        "Sightline exporter open on partition {} (metadata {}, last exported position {}):\n{}",
        partitionId,
        metadata.map(Object::toString).orElse("none"),
        controller.getLastExportedRecordPosition(),
        config.describe());
  }

  @Override
  public void export(Record<?> record) {
    pipeline.accept(record);
  }

  @Override
  public void close() {
    if (flushTask != null) {
      flushTask.cancel();
    }
    if (latencyTask != null) {
      latencyTask.cancel();
    }
    try {
      if (pipeline != null) {
        pipeline.flushOnClose();
      }
    } finally {
      if (latency != null) {
        latency.close();
      }
      if (store != null) {
        store.close();
      }
    }
  }

  @Override
  public void purge() {
    var target = store != null ? store : storeFactory.create(config, schema(), JSON);
    try {
      target.purge();
    } finally {
      if (target != store) {
        target.close();
      }
    }
  }

  private ReadModelSchema schema() {
    var index = config.index();
    return new ReadModelSchema(index.prefix(), index.numberOfShards(), index.numberOfReplicas());
  }

  private void scheduleFlush(Duration delay) {
    flushTask = controller.scheduleCancellableTask(delay, this::periodicFlush);
  }

  private void scheduleLatencyTick() {
    latencyTask =
        controller.scheduleCancellableTask(
            latency.tickInterval(),
            () -> {
              try {
                latency.tick();
              } finally {
                scheduleLatencyTick();
              }
            });
  }

  private void periodicFlush() {
    try {
      pipeline.flushIfDue();
    } finally {
      scheduleFlush(pipeline.nextCheckIn());
    }
  }
}
