package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.FlowNodeInstanceIndex.*;

import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields one element record sets on its flow-node-instance document. */
final class FlowNodeInstanceDocument {

  private FlowNodeInstanceDocument() {}

  static Map<String, Object> update(
      Record<?> record,
      ProcessInstanceRecordValue value,
      ProcessInstanceIntent intent,
      TreePathResolver treePaths,
      ProcessDefinitions definitions) {
    var fields = new LinkedHashMap<String, Object>();
    switch (intent) {
      case ELEMENT_ACTIVATING -> {
        var path = treePaths.flowNodePath(record.getKey(), value);
        fields.put(KEY.name(), record.getKey());
        fields.put(PROCESS_INSTANCE_KEY.name(), value.getProcessInstanceKey());
        identity(fields, value, definitions, false);
        fields.put(TYPE.name(), value.getBpmnElementType().name());
        fields.put(STATE.name(), "ACTIVE");
        fields.put(START_DATE.name(), Dates.iso(record.getTimestamp()));
        fields.put(SCOPE_KEY.name(), value.getFlowScopeKey());
        fields.put(TREE_PATH.name(), path.treePath());
        fields.put(LEVEL.name(), path.level());
        fields.put(INCIDENT.name(), false);
        fields.put(TENANT_ID.name(), value.getTenantId());
        fields.put(PARTITION_ID.name(), record.getPartitionId());
      }
      case ELEMENT_COMPLETED -> {
        fields.put(STATE.name(), "COMPLETED");
        fields.put(END_DATE.name(), Dates.iso(record.getTimestamp()));
      }
      case ELEMENT_TERMINATED -> {
        fields.put(STATE.name(), "TERMINATED");
        fields.put(END_DATE.name(), Dates.iso(record.getTimestamp()));
      }
      case ELEMENT_MIGRATED -> identity(fields, value, definitions, true);
      default -> {
        // ACTIVATED, COMPLETING, TERMINATING: only the position moves.
      }
    }
    fields.put(POSITION.name(), record.getPosition());
    return fields;
  }

  private static void identity(
      Map<String, Object> fields,
      ProcessInstanceRecordValue value,
      ProcessDefinitions definitions,
      boolean migrated) {
    fields.put(PROCESS_DEFINITION_KEY.name(), value.getProcessDefinitionKey());
    fields.put(BPMN_PROCESS_ID.name(), value.getBpmnProcessId());
    fields.put(ELEMENT_ID.name(), value.getElementId());
    var name =
        definitions
            .find(value.getProcessDefinitionKey())
            .flatMap(process -> process.elementName(value.getElementId()));
    if (name.isPresent()
        || migrated) { // migrated to an unknown definition: the old name would be wrong
      fields.put(ELEMENT_NAME.name(), name.orElse(null));
    }
  }
}
