package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.ProcessInstanceIndex.*;

import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.Map;

/** The fields one process-element record sets on its process-instance document. */
final class ProcessInstanceDocument extends ElementInstanceDocument {

  ProcessInstanceDocument(TreePathResolver treePaths, ProcessDefinitions definitions) {
    super(treePaths, definitions, STATE, END_DATE, POSITION, "CANCELED");
  }

  @Override
  void activating(Map<String, Object> fields, Record<?> record, ProcessInstanceRecordValue value) {
    fields.put(KEY.name(), value.getProcessInstanceKey());
    identity(fields, value, false);
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

  @Override
  void identity(Map<String, Object> fields, ProcessInstanceRecordValue value, boolean migrated) {
    fields.put(BPMN_PROCESS_ID.name(), value.getBpmnProcessId());
    fields.put(PROCESS_DEFINITION_KEY.name(), value.getProcessDefinitionKey());
    fields.put(VERSION.name(), value.getVersion());
    var name = definitions.find(value.getProcessDefinitionKey()).flatMap(DeployedProcess::name);
    putName(fields, PROCESS_NAME, name, migrated);
  }
}
