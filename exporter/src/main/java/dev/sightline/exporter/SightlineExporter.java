package dev.sightline.exporter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.flush.AnswerWait;
import dev.sightline.exporter.flush.ExporterMetadata;
import dev.sightline.exporter.flush.Flusher;
import dev.sightline.exporter.importers.HeldRecords;
import dev.sightline.exporter.importers.ImportStatusSource;
import dev.sightline.exporter.importers.ImporterGate;
import dev.sightline.exporter.latency.LatencyMeasurement;
import dev.sightline.exporter.retention.Retention;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.exporter.upgrade.CopyForward;
import dev.sightline.exporter.visibility.VisibleStage;
import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Sightline's Zeebe exporter: aggregates records straight into the read-model indices. This class
 * only wires the parts and runs the lifecycle; the path of a record is {@link RecordPipeline}.
 *
 * <p>Threading: the broker calls every method, and runs every scheduled task, on one thread per
 * partition.
 */
public final class SightlineExporter implements Exporter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The partition id of the broker's validation-only instance. */
  private static final int VALIDATION_PARTITION = Integer.MIN_VALUE;

  private final StoreFactory storeFactory;
  private final ImportStatusSource.Factory importStatusFactory;
  private final AnswerWait answerWait;
  private final List<IndexDescriptor> indices;
  private ExporterConfig config;
  private Logger log;
  private MeterRegistry meters;
  private InstantSource clock;
  private int partitionId;

  private Controller controller;
  private DocumentStore store;
  private RecordPipeline pipeline;
  private ImporterGate gate;
  private CopyForward upgrade;
  private ExporterMetadata metadata;
  private ScheduledTask scheduledTask;
  private boolean writing;
  private long flushTaskDueAtMillis = Long.MAX_VALUE;
  private LatencyMeasurement latency;
  private VisibleStage visible;
  private Retention retention;

  /** The constructor the broker calls. */
  public SightlineExporter() {
    this(StoreFactory.ELASTICSEARCH, ImportStatusSource.Factory.ELASTICSEARCH);
  }

  /** For tests: a store of their own; the importers' progress as "nothing to wait for". */
  public SightlineExporter(StoreFactory storeFactory) {
    this(storeFactory, (config, json) -> ImportStatusSource.NOTHING_TO_WAIT_FOR);
  }

  /** For tests: a store and an importer-progress source of their own. */
  public SightlineExporter(
      StoreFactory storeFactory, ImportStatusSource.Factory importStatusFactory) {
    this(storeFactory, importStatusFactory, AnswerWait.BLOCKING);
  }

  /**
   * For tests: also how the exporter thread waits for a bulk's answer (a store double's answers are
   * released by the test).
   */
  public SightlineExporter(
      StoreFactory storeFactory,
      ImportStatusSource.Factory importStatusFactory,
      AnswerWait answerWait) {
    this(storeFactory, importStatusFactory, answerWait, ReadModelSchema.INDICES);
  }

  /**
   * For tests: also the schema's indices, some at another version than the production schema's (a
   * schema upgrade, docs/schema.md, "Versions and aliases").
   */
  public SightlineExporter(
      StoreFactory storeFactory,
      ImportStatusSource.Factory importStatusFactory,
      AnswerWait answerWait,
      List<IndexDescriptor> indices) {
    this.storeFactory = storeFactory;
    this.importStatusFactory = importStatusFactory;
    this.answerWait = answerWait;
    this.indices = List.copyOf(indices);
  }

  @Override
  public void configure(Context context) {
    config = ConfigParser.parse(context.getConfiguration().getArguments());
    log = context.getLogger();
    meters = context.getMeterRegistry();
    clock = context.clock();
    partitionId = context.getPartitionId();
    context.setFilter(new ReadModelRecordFilter());
    // The broker first calls this on a throw-away instance (partition Integer.MIN_VALUE) to
    // validate; warnings are for the instances that will run.
    if (partitionId != VALIDATION_PARTITION) {
      config.warnings().forEach(log::warn);
    }
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    var stored = controller.readMetadata().map(bytes -> ExporterMetadata.fromJson(bytes, JSON));
    metadata = stored.orElse(ExporterMetadata.initial());
    var schema = ReadModelWriter.schema(config, indices);
    store = storeFactory.create(config, schema, JSON);
    latency = LatencyMeasurement.open(config.latency(), meters, partitionId, clock, log);
    if (config.latency().visible().enabled()) {
      visible =
          new VisibleStage(
              config.latency().visible(),
              store::positions,
              latency.recorders(),
              latency.clock(),
              clock::millis,
              controller::scheduleCancellableTask,
              meters,
              partitionId,
              config.connect().requestTimeout(),
              log);
      latency.tracker().watch(visible);
    }
    var writer =
        ReadModelWriter.create(
            new ReadModelWriter.Context(
                config, schema, store, meters, partitionId, log, clock::millis),
            Flusher.Acknowledger.of(controller, () -> metadata.toJson(JSON)),
            latency.tracker(),
            Batch.NewDocuments.WHOLE, // the log is in order: an entity's first record is seen first
            answerWait);
    gate =
        metadata.importersDone()
            ? ImporterGate.open(partitionId, meters, log)
            : ImporterGate.closed(
                importStatusFactory.create(config, JSON), partitionId, meters, log);
    upgrade =
        CopyForward.of(
                config,
                schema,
                store,
                writer.schemaCheck(),
                ReadModelWriter.backoff(config),
                ReadModelWriter.deadLetters(config, schema, meters, partitionId, log),
                partitionId,
                clock::millis,
                meters,
                log)
            .orElse(null);
    var bulk = config.bulk();
    pipeline =
        new RecordPipeline(
            writer.dispatcher(),
            writer.batch(),
            ReadModelWriter.policy(config),
            writer.flusher(),
            clock::millis,
            log,
            this::writable,
            // as much as one batch: while records are held the batch stays empty
            new HeldRecords(
                bulk.size(), bulk.memoryLimitBytes(), meters, partitionId, this::waitingFor),
            latency.tracker(),
            config.connect().requestTimeout());
    try {
      writer.flusher().ensureSchema();
    } catch (StoreException e) {
      log.warn(
          "Elasticsearch not ready at open; the schema will be created before the first flush: {}",
          e.getMessage());
    }
    log.info(
        "Sightline exporter {} open on partition {} (metadata {}, last exported position {}):\n{}",
        // Implementation-Version of the drop-in jar's manifest; none when run from classes.
        Objects.requireNonNullElse(
            SightlineExporter.class.getPackage().getImplementationVersion(), "(unknown version)"),
        partitionId,
        stored.map(Object::toString).orElse("none"),
        controller.getLastExportedRecordPosition(),
        config.describe());
    if (gate.isOpen()) {
      copyForward();
    } else {
      checkImporters();
    }
  }

  /** Whether records go through the handlers and get written, or are only held. */
  private boolean writable() {
    return gate.isOpen() && (upgrade == null || upgrade.isDone());
  }

  private String waitingFor() {
    return gate.isOpen()
        ? "moving partition "
            + partitionId
            + "'s documents forward to the current index versions (metric"
            + " sightline.exporter.schema.upgrade.copying)"
        : "waiting for the two-hop importers to finish partition "
            + partitionId
            + " (metric sightline.exporter.importers.waiting)";
  }

  /**
   * While the importers of the two-hop design are not done: the only scheduled task, no flush at
   * all (camunda/camunda#26047 flushed periodically while waiting). Once they are: remembered, then
   * the copy-forward of a schema upgrade, then the records held meanwhile are handled and written.
   */
  private void checkImporters() {
    if (!gate.check()) {
      scheduledTask =
          controller.scheduleCancellableTask(
              config.importers().checkInterval(), this::checkImporters);
      return;
    }
    metadata = metadata.withImportersDone();
    copyForward();
  }

  /**
   * Before the partition writes anything: its documents moved from older versions of the indices
   * into the current ones, if there are any (a schema upgrade, docs/operations.md); the only
   * scheduled task meanwhile, records held. Then the records held so far are handled and written.
   */
  private void copyForward() {
    if (upgrade != null && !upgrade.drive()) {
      scheduledTask = controller.scheduleCancellableTask(upgrade.nextCheckIn(), this::copyForward);
      return;
    }
    latency.startIntervals();
    try {
      pipeline.releaseHeldAndFlush();
    } finally {
      startWriting();
    }
  }

  /** The periodic flush, the latency tick and retention; while waiting for importers none runs. */
  private void startWriting() {
    writing = true;
    scheduleFlush(pipeline.nextCheckIn());
    latency.startTicking(controller);
    startRetention();
  }

  private void startRetention() {
    if (!config.retention().enabled()) {
      return;
    }
    var retentionStore = store.retention();
    if (retentionStore.isEmpty()) {
      log.warn("retention.enabled: this store cannot remove documents; nothing will be removed");
      return;
    }
    retention =
        new Retention(
            config.retention(),
            retentionStore.get(),
            partitionId,
            clock::millis,
            controller::getLastExportedRecordPosition,
            controller::scheduleCancellableTask,
            meters,
            log);
    retention.start();
  }

  @Override
  public void export(Record<?> record) {
    pipeline.accept(record);
    if (writing) {
      pollSoonerIfNeeded();
    }
  }

  /**
   * A bulk was just sent (or a batch started): the scheduled task must look for its answer within
   * the poll interval, not only when the next record comes.
   */
  private void pollSoonerIfNeeded() {
    var next = pipeline.nextCheckIn();
    if (clock.millis() + next.toMillis() < flushTaskDueAtMillis) {
      scheduledTask.cancel();
      scheduleFlush(next);
    }
  }

  @Override
  public void close() {
    if (scheduledTask != null) {
      scheduledTask.cancel();
    }
    if (gate != null) {
      gate.close();
    }
    if (retention != null) {
      retention.close();
    }
    try {
      if (pipeline != null) {
        pipeline.flushOnClose();
      }
    } finally {
      if (visible != null) {
        visible.close(); // what it followed and has not seen is not measured: never waited for
      }
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
    var target =
        store != null
            ? store
            : storeFactory.create(config, ReadModelWriter.schema(config, indices), JSON);
    try {
      target.purge();
    } finally {
      if (target != store) {
        target.close();
      }
    }
  }

  private void scheduleFlush(Duration delay) {
    flushTaskDueAtMillis = clock.millis() + delay.toMillis();
    scheduledTask = controller.scheduleCancellableTask(delay, this::periodicFlush);
  }

  private void periodicFlush() {
    try {
      pipeline.flushIfDue();
    } finally {
      scheduleFlush(pipeline.nextCheckIn());
    }
  }
}
