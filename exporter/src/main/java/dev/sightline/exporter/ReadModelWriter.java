package dev.sightline.exporter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.batch.WrittenDocuments;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.config.RefreshPolicy;
import dev.sightline.exporter.config.RejectionPolicy;
import dev.sightline.exporter.flush.AnswerWait;
import dev.sightline.exporter.flush.Backoff;
import dev.sightline.exporter.flush.DeadLetters;
import dev.sightline.exporter.flush.FlushMetrics;
import dev.sightline.exporter.flush.Flusher;
import dev.sightline.exporter.handler.ReadModelHandlers;
import dev.sightline.exporter.handler.RecordDispatcher;
import dev.sightline.exporter.latency.LatencyTracker;
import dev.sightline.exporter.schema.DeadLetterIndex;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.SchemaCheck;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The read model's write side for one partition: handlers, batch, flusher. The direct exporter
 * drives it record by record; the two-hop importer drives the very same parts batch by batch, so
 * both designs write identical documents for the same records. Not thread-safe: one owner thread.
 */
public final class ReadModelWriter {

  /**
   * Whole documents kept to write their later changes whole (per partition): about 8,000 of the
   * default workload's.
   */
  static final long WRITTEN_DOCUMENTS_BYTES = 8L << 20;

  /** Larger documents (variables with big values) are written partially after their batch. */
  static final long WRITTEN_DOCUMENT_MAX_BYTES = 64L << 10;

  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Batch batch;
  private final RecordDispatcher dispatcher;
  private final Flusher flusher;
  private final LatencyTracker latency;
  private final SchemaCheck schemaCheck;

  private ReadModelWriter(
      Batch batch,
      RecordDispatcher dispatcher,
      Flusher flusher,
      LatencyTracker latency,
      SchemaCheck schemaCheck) {
    this.batch = batch;
    this.dispatcher = dispatcher;
    this.flusher = flusher;
    this.latency = latency;
    this.schemaCheck = schemaCheck;
  }

  /**
   * Where a partition's writer lives: its configuration, schema, store, meters and clock.
   *
   * @param nowMillis the exporter's clock (the broker's, or a test's virtual one)
   */
  public record Context(
      ExporterConfig config,
      ReadModelSchema schema,
      DocumentStore store,
      MeterRegistry meters,
      int partitionId,
      Logger log,
      LongSupplier nowMillis) {}

  /** A writer that waits for a bulk's answer by blocking when it must (the importer's). */
  public static ReadModelWriter create(
      Context context,
      Flusher.Acknowledger acknowledger,
      LatencyTracker latency,
      Batch.NewDocuments newDocuments) {
    return create(context, acknowledger, latency, newDocuments, AnswerWait.BLOCKING);
  }

  /**
   * @param answerWait how the exporter thread waits for a bulk's answer when it must
   */
  public static ReadModelWriter create(
      Context context,
      Flusher.Acknowledger acknowledger,
      LatencyTracker latency,
      Batch.NewDocuments newDocuments,
      AnswerWait answerWait) {
    var config = context.config();
    var schema = context.schema();
    var store = context.store();
    var meters = context.meters();
    var partitionId = context.partitionId();
    var log = context.log();
    var nowMillis = context.nowMillis();
    var written =
        newDocuments == Batch.NewDocuments.WHOLE
            ? new WrittenDocuments(WRITTEN_DOCUMENTS_BYTES, WRITTEN_DOCUMENT_MAX_BYTES)
            : null; // a merging batch never continues whole documents
    var batch = new Batch(newDocuments, written, latency.documentWatch());
    var schemaCheck = new SchemaCheck(store, log);
    var dispatcher =
        ReadModelHandlers.create(
            new ReadModelHandlers.Context(
                schema,
                batch,
                schemaCheck.reader(), // a lookup may come before the first flush
                config.variables(),
                meters,
                partitionId,
                log,
                nowMillis,
                ReadModelHandlers.CacheBudgets.PER_PARTITION));
    var flusher =
        new Flusher(
            batch,
            store,
            schemaCheck,
            backoff(config),
            acknowledger,
            new FlushMetrics(meters, partitionId),
            nowMillis,
            deadLetters(config, schema, meters, partitionId, log),
            latency,
            new Flusher.Settings(
                policy(config),
                config.bulk().maxInFlight(),
                config.bulk().linger(),
                config.visibility().refresh() == RefreshPolicy.AFTER_BULK
                    ? config.visibility().minRefreshInterval()
                    : null,
                config.visibility().maxRefreshLag(),
                config.connect().requestTimeout(),
                answerWait),
            log);
    return new ReadModelWriter(batch, dispatcher, flusher, latency, schemaCheck);
  }

  /** Where documents refused for good go: null under {@code errors.onRejected=block}. */
  static DeadLetters deadLetters(
      ExporterConfig config,
      ReadModelSchema schema,
      MeterRegistry meters,
      int partitionId,
      Logger log) {
    return config.errors().onRejected() == RejectionPolicy.DEAD_LETTER
        ? new DeadLetters(
            schema.indexName(DeadLetterIndex.DESCRIPTOR), partitionId, meters, log, JSON)
        : null;
  }

  /** The exporter's backoff after a failed request: 100 ms, doubling up to retry.maxBackoff. */
  static Backoff backoff(ExporterConfig config) {
    return new Backoff(INITIAL_BACKOFF, config.retry().maxBackoff());
  }

  /** When a batch is full or due ({@code bulk.*}). */
  public static FlushPolicy policy(ExporterConfig config) {
    var bulk = config.bulk();
    return new FlushPolicy(bulk.size(), bulk.delay(), bulk.memoryLimitBytes());
  }

  public static ReadModelSchema schema(ExporterConfig config) {
    return schema(config, ReadModelSchema.INDICES);
  }

  /** The schema of the configuration with these indices (a test's, at other versions). */
  public static ReadModelSchema schema(ExporterConfig config, List<IndexDescriptor> indices) {
    var index = config.index();
    return new ReadModelSchema(
        index.prefix(), index.numberOfShards(), index.numberOfReplicas(), indices);
  }

  /**
   * Merges one record into the batch; a record no handler needs only moves the acknowledgement
   * point.
   */
  public void apply(Record<?> record, long nowMillis) {
    if (dispatcher.dispatch(record, batch)) {
      batch.recordAccepted(record.getPosition(), nowMillis);
      latency.recordAccepted(record, nowMillis);
    } else {
      batch.recordSkipped(record.getPosition());
    }
  }

  /**
   * Writes the batch, waits until it is durable and acknowledges it; throws {@code StoreException}
   * with what failed kept for the next attempt.
   */
  public void flush() {
    flusher.flush();
  }

  Batch batch() {
    return batch;
  }

  RecordDispatcher dispatcher() {
    return dispatcher;
  }

  Flusher flusher() {
    return flusher;
  }

  /** Creates the schema before the first write or read; the flusher's and the lookups'. */
  SchemaCheck schemaCheck() {
    return schemaCheck;
  }
}
