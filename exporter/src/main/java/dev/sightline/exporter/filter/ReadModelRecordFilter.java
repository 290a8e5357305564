package dev.sightline.exporter.filter;

import dev.sightline.exporter.handler.IncidentHandler;
import dev.sightline.exporter.handler.JobHandler;
import dev.sightline.exporter.handler.ProcessHandler;
import dev.sightline.exporter.handler.ProcessInstanceHandler;
import dev.sightline.exporter.handler.UserTaskHandler;
import dev.sightline.exporter.handler.VariableHandler;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lets the broker skip, before deserializing anything, the records the read model does not need:
 * only events, only the value types and intents a handler uses. An intent of a type no handler
 * knows (a newer broker's) passes, to be skipped and counted by the exporter.
 */
public final class ReadModelRecordFilter implements Context.RecordFilter {

  private static final Map<ValueType, Set<? extends Intent>> INTENTS =
      Map.of(
          ValueType.PROCESS_INSTANCE, ProcessInstanceHandler.intents(),
          ValueType.PROCESS, ProcessHandler.intents(),
          ValueType.VARIABLE, VariableHandler.intents(),
          ValueType.INCIDENT, IncidentHandler.intents(),
          ValueType.JOB, JobHandler.intents(),
          ValueType.USER_TASK, UserTaskHandler.intents());

  /** The value types the read model is built from (the record-index exporter exports these too). */
  public static Set<ValueType> valueTypes() {
    return EnumSet.copyOf(INTENTS.keySet());
  }

  @Override
  public boolean acceptType(RecordType recordType) {
    return recordType == RecordType.EVENT;
  }

  @Override
  public boolean acceptValue(ValueType valueType) {
    return INTENTS.containsKey(valueType);
  }

  @Override
  public boolean acceptIntent(Intent intent) {
    for (var intents : INTENTS.values()) {
      if (intents.stream().anyMatch(known -> known.getClass() == intent.getClass())) {
        return intents.contains(intent);
      }
    }
    return true;
  }
}
