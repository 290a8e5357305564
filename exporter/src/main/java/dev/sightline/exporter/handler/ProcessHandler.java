package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.definition.ProcessModel;
import dev.sightline.exporter.schema.ProcessDefinitionIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Deployed processes: the process-definition document, and the parsed model remembered for
 * treePaths and names. The BPMN is parsed once here. A resource the model cannot parse (the engine
 * validated it, so only a damaged log) still gets its document, without names or call activities,
 * and a warning: throwing would make the broker retry a record that can never succeed.
 */
public final class ProcessHandler implements RecordHandler {

  private static final Set<ProcessIntent> INTENTS = Set.of(ProcessIntent.CREATED);

  private final ProcessDefinitions definitions;
  private final String index;
  private final Logger log;

  public ProcessHandler(ProcessDefinitions definitions, ReadModelSchema schema, Logger log) {
    this.definitions = definitions;
    this.index = schema.indexName(ProcessDefinitionIndex.DESCRIPTOR);
    this.log = log;
  }

  public static Set<ProcessIntent> intents() {
    return INTENTS;
  }

  @Override
  public ValueType valueType() {
    return ValueType.PROCESS;
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
    var model = parse(process);
    definitions.add(
        new DeployedProcess(
            process.getProcessDefinitionKey(),
            process.getBpmnProcessId(),
            process.getVersion(),
            model));
    batch.create( // every partition that receives the deployment writes the same whole document
        new DocumentKey(index, Long.toString(process.getProcessDefinitionKey())),
        ProcessDefinitionDocument.of(process, model));
  }

  private ProcessModel parse(Process process) {
    try {
      return ProcessModel.read(process.getResource(), process.getBpmnProcessId());
    } catch (RuntimeException e) {
      log.warn(
          "BPMN of process '{}' (definition {}) cannot be parsed; its documents get no names and treePaths"
              + " through it use call-activity indexes: {}",
          process.getBpmnProcessId(),
          process.getProcessDefinitionKey(),
          e.toString());
      return ProcessModel.EMPTY;
    }
  }
}
