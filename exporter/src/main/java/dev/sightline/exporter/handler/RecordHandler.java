package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;

/** Turns the records of one value type into read-model document updates in the batch. */
public interface RecordHandler {

  /** The value type whose records this handler reads. */
  ValueType valueType();

  /** Whether this record changes the read model (value type, record type and intent). */
  boolean handles(Record<?> record);

  /**
   * Merges the record's changes into the batch. May throw if an entity it depends on cannot be read
   * (the broker then retries the record); must be idempotent, as a retried or replayed record comes
   * again.
   */
  void handle(Record<?> record, Batch batch);
}
