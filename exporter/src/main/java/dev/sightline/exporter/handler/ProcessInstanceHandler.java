package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * PROCESS_INSTANCE events: the process element's lifecycle makes the process-instance document,
 * every other element's the flow-node-instance document (sequence flows are not kept).
 * ELEMENT_ACTIVATING writes the whole document; later intents write only what they change. Process
 * and element names come from the deployed definition, when it is known.
 */
public final class ProcessInstanceHandler implements RecordHandler {

  private static final Set<ProcessInstanceIntent> INTENTS =
      EnumSet.of(
          ProcessInstanceIntent.ELEMENT_ACTIVATING,
          ProcessInstanceIntent.ELEMENT_ACTIVATED,
          ProcessInstanceIntent.ELEMENT_COMPLETING,
          ProcessInstanceIntent.ELEMENT_COMPLETED,
          ProcessInstanceIntent.ELEMENT_TERMINATING,
          ProcessInstanceIntent.ELEMENT_TERMINATED,
          ProcessInstanceIntent.ELEMENT_MIGRATED);

  private final String processInstanceIndex;
  private final String flowNodeInstanceIndex;
  private final ProcessInstanceDocument processInstances;
  private final FlowNodeInstanceDocument flowNodeInstances;

  public ProcessInstanceHandler(
      ReadModelSchema schema, TreePathResolver treePaths, ProcessDefinitions definitions) {
    this.processInstanceIndex = schema.indexName(ProcessInstanceIndex.DESCRIPTOR);
    this.flowNodeInstanceIndex = schema.indexName(FlowNodeInstanceIndex.DESCRIPTOR);
    this.processInstances = new ProcessInstanceDocument(treePaths, definitions);
    this.flowNodeInstances = new FlowNodeInstanceDocument(treePaths, definitions);
  }

  /** The intents that change the read model. */
  public static Set<ProcessInstanceIntent> intents() {
    return INTENTS;
  }

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS_INSTANCE;
  }

  @Override
  public boolean handles(Record<?> record) {
    return record.getValueType() == ValueType.PROCESS_INSTANCE
        && record.getRecordType() == RecordType.EVENT
        && record.getIntent() instanceof ProcessInstanceIntent intent
        && INTENTS.contains(intent)
        && ((ProcessInstanceRecordValue) record.getValue()).getBpmnElementType()
            != BpmnElementType.SEQUENCE_FLOW;
  }

  @Override
  public void handle(Record<?> record, Batch batch) {
    var value = (ProcessInstanceRecordValue) record.getValue();
    var intent = (ProcessInstanceIntent) record.getIntent();
    if (value.getBpmnElementType() == BpmnElementType.PROCESS) {
      var key = new DocumentKey(processInstanceIndex, Long.toString(value.getProcessInstanceKey()));
      batch.write(key, processInstances.update(record, value, intent), creates(intent));
    } else {
      var key = new DocumentKey(flowNodeInstanceIndex, Long.toString(record.getKey()));
      batch.write(key, flowNodeInstances.update(record, value, intent), creates(intent));
    }
  }

  /** ELEMENT_ACTIVATING is an element instance's first record: its document starts there. */
  private static boolean creates(ProcessInstanceIntent intent) {
    return intent == ProcessInstanceIntent.ELEMENT_ACTIVATING;
  }
}
