package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.ProcessInstanceIndex.*;

import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields one process-element record sets on its process-instance document. */
final class ProcessInstanceDocument {

  private ProcessInstanceDocument() {}

  static Map<String, Object> update(
      Record<?> record,
      ProcessInstanceRecordValue value,
      ProcessInstanceIntent intent,
      TreePathResolver treePaths,
      ProcessDefinitions definitions) {
    var fields = new LinkedHashMap<String, Object>();
    switch (intent) {
      case ELEMENT_ACTIVATING -> {
        fields.put(KEY.name(), value.getProcessInstanceKey());
        identity(fields, value, definitions, false);
        fields.put(STATE.name(), "ACTIVE");
        fields.put(START_DATE.name(), Dates.iso(record.getTimestamp()));
        if (value.getParentProcessInstanceKey() > 0) {
          fields.put(PARENT_PROCESS_INSTANCE_KEY.name(), value.getParentProcessInstanceKey());
          fields.put(PARENT_ELEMENT_INSTANCE_KEY.name(), value.getParentElementInstanceKey());
        }
        fields.put(TREE_PATH.name(), treePaths.processInstancePath(value));
        fields.put(INCIDENT.name(), false);
        fields.put(TENANT_ID.name(), value.getTenantId());
        fields.put(PARTITION_ID.name(), record.getPartitionId());
      }
      case ELEMENT_COMPLETED -> {
        fields.put(STATE.name(), "COMPLETED");
        fields.put(END_DATE.name(), Dates.iso(record.getTimestamp()));
      }
      case ELEMENT_TERMINATED -> {
        fields.put(STATE.name(), "CANCELED");
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
    fields.put(BPMN_PROCESS_ID.name(), value.getBpmnProcessId());
    fields.put(PROCESS_DEFINITION_KEY.name(), value.getProcessDefinitionKey());
    fields.put(VERSION.name(), value.getVersion());
    var name = definitions.find(value.getProcessDefinitionKey()).flatMap(DeployedProcess::name);
    if (name.isPresent()
        || migrated) { // migrated to an unknown definition: the old name would be wrong
      fields.put(PROCESS_NAME.name(), name.orElse(null));
    }
  }
}
