package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.definition.BpmnCallActivities;
import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessDefinitions;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.deployment.Process;

/** Deployed processes: remembered so treePaths can name call activities by id. */
public final class ProcessHandler implements RecordHandler {

  private final ProcessDefinitions definitions;

  public ProcessHandler(ProcessDefinitions definitions) {
    this.definitions = definitions;
  }

  @Override
  public boolean handles(Record<?> record) {
    return record.getValueType() == ValueType.PROCESS
        && record.getRecordType() == RecordType.EVENT
        && record.getIntent() == ProcessIntent.CREATED;
  }

  @Override
  public void handle(Record<?> record, Batch batch) {
    var process = (Process) record.getValue();
    definitions.add(
        new DeployedProcess(
            process.getProcessDefinitionKey(),
            process.getBpmnProcessId(),
            process.getVersion(),
            BpmnCallActivities.of(process.getResource(), process.getBpmnProcessId())));
  }
}
