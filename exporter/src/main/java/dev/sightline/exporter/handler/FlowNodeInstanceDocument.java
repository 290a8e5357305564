package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.FlowNodeInstanceIndex.*;

import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.Map;

/** The fields one element record sets on its flow-node-instance document. */
final class FlowNodeInstanceDocument extends ElementInstanceDocument {

  FlowNodeInstanceDocument(TreePathResolver treePaths, ProcessDefinitions definitions) {
    super(treePaths, definitions, STATE, END_DATE, POSITION, "TERMINATED");
  }

  @Override
  void activating(Map<String, Object> fields, Record<?> record, ProcessInstanceRecordValue value) {
    var path = treePaths.flowNodePath(record.getKey(), value);
    fields.put(KEY.name(), record.getKey());
    fields.put(PROCESS_INSTANCE_KEY.name(), value.getProcessInstanceKey());
    identity(fields, value, false);
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

  @Override
  void identity(Map<String, Object> fields, ProcessInstanceRecordValue value, boolean migrated) {
    fields.put(PROCESS_DEFINITION_KEY.name(), value.getProcessDefinitionKey());
    fields.put(BPMN_PROCESS_ID.name(), value.getBpmnProcessId());
    fields.put(ELEMENT_ID.name(), value.getElementId());
    var name =
        definitions
            .find(value.getProcessDefinitionKey())
            .flatMap(process -> process.elementName(value.getElementId()));
    putName(fields, ELEMENT_NAME, name, migrated);
  }
}
