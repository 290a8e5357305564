package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import io.camunda.zeebe.protocol.record.Record;
import java.util.List;

/** Hands a record to every handler that wants it; says whether any did. */
public final class RecordDispatcher {

  private final List<RecordHandler> handlers;

  public RecordDispatcher(List<RecordHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  public boolean dispatch(Record<?> record, Batch batch) {
    var handled = false;
    for (var handler : handlers) {
      if (handler.handles(record)) {
        handler.handle(record, batch);
        handled = true;
      }
    }
    return handled;
  }
}
