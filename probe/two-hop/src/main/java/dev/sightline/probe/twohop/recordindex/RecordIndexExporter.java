package dev.sightline.probe.twohop.recordindex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.flush.Backoff;
import dev.sightline.exporter.latency.LatencyMeasurement;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.probe.recordjson.RecordJsonWriter;
import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The first hop of Camunda 8.6's design, as the comparison's baseline: raw records as JSON into
 * {@code zeebe-record_<value-type>_<version>_<date>} indices, with the 8.6 defaults (bulk delay 5
 * s, size 1000, memory 10 MB), events only, each with a per-value-type {@code sequence} the
 * importers read by.
 *
 * <p>Threading: the broker calls every method, and runs the scheduled task, on one thread per
 * partition.
 */
public final class RecordIndexExporter implements Exporter {

  /** The 8.6 Elasticsearch exporter's defaults, where they differ from Sightline's. */
  static final Map<String, Object> DEFAULTS =
      Map.of(
          "index.prefix",
          "zeebe-record",
          "bulk.delay",
          "5s",
          "bulk.size",
          1000,
          "bulk.memoryLimit",
          "10MB");

  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<ExporterConfig, RecordIndexStore> storeFactory;
  private final RecordJsonWriter writer = new RecordJsonWriter();
  private final RecordBatch batch = new RecordBatch();
  private final Map<ValueType, Long> sequences = new EnumMap<>(ValueType.class);
  private ExporterConfig config;
  private Logger log;
  private InstantSource clock;
  private int partitionId;
  private RecordIndexNames names;
  private FlushPolicy policy;
  private Backoff backoff;
  private Controller controller;
  private RecordIndexStore store;
  private ScheduledTask flushTask;
  private LatencyMeasurement latency;
  private io.micrometer.core.instrument.MeterRegistry meters;
  private boolean templatesReady;

  /** The constructor the broker calls. */
  public RecordIndexExporter() {
    this(
        config ->
            new ElasticsearchRecordIndexStore(
                ElasticsearchClients.create(config.connect()),
                new RecordIndexNames(config.index().prefix()),
                "{\"number_of_shards\":"
                    + config.index().numberOfShards()
                    + ",\"number_of_replicas\":"
                    + config.index().numberOfReplicas()
                    + "}",
                StoreFactory.MAX_BULK_REQUEST_BYTES));
  }

  RecordIndexExporter(Function<ExporterConfig, RecordIndexStore> storeFactory) {
    this.storeFactory = storeFactory;
  }

  @Override
  public void configure(Context context) {
    config = ConfigParser.parse(context.getConfiguration().getArguments(), DEFAULTS);
    log = context.getLogger();
    meters = context.getMeterRegistry();
    clock = context.clock();
    partitionId = context.getPartitionId();
    names = new RecordIndexNames(config.index().prefix());
    var bulk = config.bulk();
    policy = new FlushPolicy(bulk.size(), bulk.delay(), bulk.memoryLimitBytes());
    backoff = new Backoff(INITIAL_BACKOFF, config.retry().maxBackoff());
    context.setFilter(
        new Context.RecordFilter() {
          @Override
          public boolean acceptType(RecordType recordType) {
            return recordType == RecordType.EVENT;
          }

          @Override
          public boolean acceptValue(ValueType valueType) {
            return ReadModelRecordFilter.valueTypes().contains(valueType);
          }
        });
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    controller
        .readMetadata()
        .map(bytes -> RecordIndexMetadata.fromJson(bytes, JSON))
        .ifPresent(metadata -> sequences.putAll(metadata.sequences()));
    store = storeFactory.apply(config);
    // The same stages as the direct exporter's, for the first hop: flushed = in the record index.
    latency = LatencyMeasurement.open(config.latency(), meters, partitionId, clock, log);
    latency.startTicking(controller);
    try {
      ensureTemplates();
    } catch (StoreException e) {
      log.warn(
          "Elasticsearch not ready at open; templates come before the first flush: {}",
          e.getMessage());
    }
    scheduleFlush(config.bulk().delay());
    log.info(
        "Record-index exporter open on partition {} with sequences {}:\n{}",
        partitionId,
        sequences,
        config.describe());
  }

  @Override
  public void export(Record<?> record) {
    var now = clock.millis();
    if (policy.isFull(batch.size(), batch.bytes())) {
      if (backoff.isWaiting(now)) {
        throw new ExporterException(
            "Record batch full and Elasticsearch failed; the record will be retried");
      }
      flush(); // a failure propagates: the broker retries this record
    }
    if (record.getRecordType() == RecordType.EVENT
        && ReadModelRecordFilter.valueTypes().contains(record.getValueType())) {
      batch.add(document(record), record.getPosition(), now);
      latency.tracker().recordAccepted(record, now);
    } else {
      batch.skip(record.getPosition());
    }
    if (policy.isFull(batch.size(), batch.bytes()) || policy.isDue(batch.oldestAtMillis(), now)) {
      flushKeepingFailures();
    }
  }

  private RecordDocument document(Record<?> record) {
    var valueType = record.getValueType();
    var sequence = ((long) partitionId << 51) + sequences.merge(valueType, 1L, Long::sum);
    // Bytes from Jackson escape a lone surrogate; String.getBytes would turn it into '?'.
    var json = writer.writeBytes(record);
    var head = ("{\"sequence\":" + sequence + ",").getBytes(StandardCharsets.UTF_8);
    var source = new byte[head.length + json.length - 1];
    System.arraycopy(head, 0, source, 0, head.length);
    System.arraycopy(json, 1, source, head.length, json.length - 1);
    return new RecordDocument(
        names.index(valueType, record.getBrokerVersion(), record.getTimestamp()),
        record.getPartitionId() + "-" + record.getPosition(),
        Integer.toString(record.getPartitionId()),
        source);
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    try {
      if (batch.size() > 0) {
        ensureTemplates();
        latency.tracker().flushStarted();
        store.index(batch.documents());
        latency.tracker().flushSucceeded();
      }
    } catch (StoreException e) {
      backoff.onFailure(clock.millis());
      throw e;
    }
    backoff.onSuccess();
    var position = batch.highestPosition();
    batch.clear();
    controller.updateLastExportedRecordPosition(
        position, RecordIndexMetadata.of(sequences).toJson(JSON));
  }

  private void flushKeepingFailures() {
    if (backoff.isWaiting(clock.millis())) {
      return;
    }
    try {
      flush();
    } catch (StoreException e) {
      log.warn(
          "Record flush of {} documents failed, kept for a retry: {}",
          batch.size(),
          e.getMessage());
    }
  }

  private void ensureTemplates() {
    if (!templatesReady) {
      store.ensureTemplates(ReadModelRecordFilter.valueTypes());
      templatesReady = true;
    }
  }

  private void scheduleFlush(Duration delay) {
    flushTask = controller.scheduleCancellableTask(delay, this::periodicFlush);
  }

  private void periodicFlush() {
    try {
      if (policy.isDue(batch.oldestAtMillis(), clock.millis()) || batch.oldestAtMillis() < 0) {
        flushKeepingFailures();
      }
    } finally {
      scheduleFlush(config.bulk().delay());
    }
  }

  @Override
  public void close() {
    if (flushTask != null) {
      flushTask.cancel();
    }
    try {
      flush();
    } catch (StoreException e) {
      log.warn(
          "Final record flush failed; unacknowledged records will be exported again: {}",
          e.getMessage());
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
    var target = store != null ? store : storeFactory.apply(config);
    try {
      target.purge(ReadModelRecordFilter.valueTypes());
    } finally {
      if (target != store) {
        target.close();
      }
    }
  }
}
