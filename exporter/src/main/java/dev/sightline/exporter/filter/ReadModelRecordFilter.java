package dev.sightline.exporter.filter;

import dev.sightline.exporter.handler.ProcessInstanceHandler;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lets the broker skip, before deserializing anything, the records the read model does not need: only
 * events, only the value types and intents a handler uses.
 */
public final class ReadModelRecordFilter implements Context.RecordFilter {

  private static final Set<ValueType> VALUE_TYPES = EnumSet.of(ValueType.PROCESS_INSTANCE, ValueType.PROCESS);

  /** The value types the read model is built from (the record-index exporter exports these too). */
  public static Set<ValueType> valueTypes() {
    return VALUE_TYPES;
  }

  @Override
  public boolean acceptType(RecordType recordType) {
    return recordType == RecordType.EVENT;
  }

  @Override
  public boolean acceptValue(ValueType valueType) {
    return VALUE_TYPES.contains(valueType);
  }

  @Override
  public boolean acceptIntent(Intent intent) {
    return switch (intent) {
      case ProcessInstanceIntent processInstance -> ProcessInstanceHandler.intents().contains(processInstance);
      case ProcessIntent process -> process == ProcessIntent.CREATED;
      default -> true;
    };
  }
}
