package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.handler.SkippedRecords.Reason;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import java.util.List;

/**
 * Hands a record to every handler that wants it; says whether any did, and counts those none
 * wanted.
 */
public final class RecordDispatcher {

  private final List<RecordHandler> handlers;
  private final SkippedRecords skipped;

  public RecordDispatcher(List<RecordHandler> handlers, SkippedRecords skipped) {
    this.handlers = List.copyOf(handlers);
    this.skipped = skipped;
  }

  public boolean dispatch(Record<?> record, Batch batch) {
    var handled = false;
    for (var handler : handlers) {
      if (handler.handles(record)) {
        handler.handle(record, batch);
        handled = true;
      }
    }
    if (!handled) {
      skipped.skipped(reasonFor(record));
    }
    return handled;
  }

  private Reason reasonFor(Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return Reason.RECORD_TYPE;
    }
    var known = handlers.stream().anyMatch(handler -> handler.valueType() == record.getValueType());
    return known ? Reason.INTENT : Reason.VALUE_TYPE;
  }
}
