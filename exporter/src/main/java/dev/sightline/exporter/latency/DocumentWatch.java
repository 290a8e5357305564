package dev.sightline.exporter.latency;

import dev.sightline.exporter.batch.Batch;
import io.camunda.zeebe.protocol.record.Record;

/**
 * Follows records into the documents they changed until a search finds them: the {@code visible}
 * stage. The batch reports merges, writes and refusals ({@link Batch.Watcher}); the tracker reports
 * each accepted record right after its merges, which binds them to the record's timestamp and value
 * type.
 *
 * <p>Not thread-safe: the exporter's thread.
 */
public interface DocumentWatch extends Batch.Watcher {

  /** Follows nothing. */
  DocumentWatch NONE = new DocumentWatch() {};

  /** The record whose merges were just reported is accepted. */
  default void recordAccepted(Record<?> record) {}
}
