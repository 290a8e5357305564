package dev.sightline.exporter.testing;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine-ordered event records for a parent process (start → service task → call activity → end)
 * calling a child process (start → service task → end), with the 8.8 tree fields on
 * ELEMENT_ACTIVATING — or, with {@code withTreeFields=false}, as brokers before 8.8 wrote them.
 */
public final class ProcessScenario {

  public static final String PARENT = "parent-process";
  public static final String CHILD = "child-process";

  private final RecordFactory records;
  private final boolean withTreeFields;
  private final List<Record<?>> out = new ArrayList<>();
  private long clock;

  public long parentDefinitionKey;
  public long childDefinitionKey;
  public long parentInstanceKey;
  public long childInstanceKey;
  public long callActivityInstanceKey;
  public long parentTaskKey;
  public long childTaskKey;

  public ProcessScenario(RecordFactory records, boolean withTreeFields, long startMillis) {
    this.records = records;
    this.withTreeFields = withTreeFields;
    this.clock = startMillis;
  }

  /**
   * Written once: the model writer generates random ids, and a replayed deployment must be the same
   * bytes.
   */
  private static final byte[] PARENT_XML = xml(parentModel());

  private static final byte[] CHILD_XML = xml(childModel());

  public static BpmnModelInstance parentModel() {
    return Bpmn.createExecutableProcess(PARENT)
        .name("Parent process")
        .startEvent("parent-start")
        .serviceTask("parent-task", task -> task.zeebeJobType("work"))
        .callActivity("call-child", call -> call.zeebeProcessId(CHILD))
        .endEvent("parent-end")
        .done();
  }

  public static BpmnModelInstance childModel() {
    return Bpmn.createExecutableProcess(CHILD)
        .name("Child process")
        .startEvent("child-start")
        .serviceTask("child-task", task -> task.zeebeJobType("work"))
        .endEvent("child-end")
        .done();
  }

  /** PROCESS CREATED records for both definitions. */
  public List<Record<?>> deploy() {
    parentDefinitionKey = records.nextKey();
    childDefinitionKey = records.nextKey();
    out.add(process(parentDefinitionKey, PARENT, PARENT_XML));
    out.add(process(childDefinitionKey, CHILD, CHILD_XML));
    return drain();
  }

  /** One parent instance that calls one child instance, all completed. */
  public List<Record<?>> runToCompletion() {
    parentInstanceKey = records.nextKey();
    var parent =
        new Level(
            parentInstanceKey,
            parentDefinitionKey,
            PARENT,
            List.of(),
            List.of(),
            List.of(),
            -1,
            -1);
    activate(parent, parentInstanceKey, PARENT, BpmnElementType.PROCESS, -1);
    passThrough(parent, "parent-start", BpmnElementType.START_EVENT);
    parentTaskKey = passThrough(parent, "parent-task", BpmnElementType.SERVICE_TASK);

    callActivityInstanceKey = records.nextKey();
    activate(
        parent,
        callActivityInstanceKey,
        "call-child",
        BpmnElementType.CALL_ACTIVITY,
        parentInstanceKey);
    childInstanceKey = records.nextKey();
    var child =
        new Level(
            childInstanceKey,
            childDefinitionKey,
            CHILD,
            List.of(List.of(parentInstanceKey, callActivityInstanceKey)),
            List.of(parentDefinitionKey),
            List.of(0),
            parentInstanceKey,
            callActivityInstanceKey);
    activate(child, childInstanceKey, CHILD, BpmnElementType.PROCESS, -1);
    passThrough(child, "child-start", BpmnElementType.START_EVENT);
    childTaskKey = passThrough(child, "child-task", BpmnElementType.SERVICE_TASK);
    passThrough(child, "child-end", BpmnElementType.END_EVENT);
    complete(child, childInstanceKey, CHILD, BpmnElementType.PROCESS, -1);

    complete(
        parent,
        callActivityInstanceKey,
        "call-child",
        BpmnElementType.CALL_ACTIVITY,
        parentInstanceKey);
    passThrough(parent, "parent-end", BpmnElementType.END_EVENT);
    complete(parent, parentInstanceKey, PARENT, BpmnElementType.PROCESS, -1);
    return drain();
  }

  private record Level(
      long instanceKey,
      long definitionKey,
      String bpmnProcessId,
      List<List<Long>> ancestorInstancePaths,
      List<Long> ancestorDefinitions,
      List<Integer> callingElements,
      long parentInstanceKey,
      long parentElementInstanceKey) {}

  private long passThrough(Level level, String elementId, BpmnElementType type) {
    var key = records.nextKey();
    activate(level, key, elementId, type, level.instanceKey());
    complete(level, key, elementId, type, level.instanceKey());
    return key;
  }

  private void activate(
      Level level, long key, String elementId, BpmnElementType type, long flowScopeKey) {
    emit(ProcessInstanceIntent.ELEMENT_ACTIVATING, level, key, elementId, type, flowScopeKey, true);
    emit(ProcessInstanceIntent.ELEMENT_ACTIVATED, level, key, elementId, type, flowScopeKey, false);
  }

  private void complete(
      Level level, long key, String elementId, BpmnElementType type, long flowScopeKey) {
    emit(
        ProcessInstanceIntent.ELEMENT_COMPLETING, level, key, elementId, type, flowScopeKey, false);
    emit(ProcessInstanceIntent.ELEMENT_COMPLETED, level, key, elementId, type, flowScopeKey, false);
  }

  private void emit(
      ProcessInstanceIntent intent,
      Level level,
      long key,
      String elementId,
      BpmnElementType type,
      long flowScopeKey,
      boolean carriesTreeFields) {
    var value =
        ImmutableProcessInstanceRecordValue.builder()
            .withBpmnProcessId(level.bpmnProcessId())
            .withVersion(1)
            .withProcessDefinitionKey(level.definitionKey())
            .withProcessInstanceKey(level.instanceKey())
            .withElementId(elementId)
            .withFlowScopeKey(flowScopeKey)
            .withBpmnElementType(type)
            .withBpmnEventType(BpmnEventType.UNSPECIFIED)
            .withParentProcessInstanceKey(level.parentInstanceKey())
            .withParentElementInstanceKey(level.parentElementInstanceKey())
            .withTenantId("<default>");
    if (withTreeFields && carriesTreeFields) {
      var instancePath = new ArrayList<List<Long>>(level.ancestorInstancePaths());
      instancePath.add(
          key == level.instanceKey() ? List.of(key) : List.of(level.instanceKey(), key));
      var definitionPath = new ArrayList<>(level.ancestorDefinitions());
      definitionPath.add(level.definitionKey());
      value
          .withElementInstancePath(instancePath)
          .withProcessDefinitionPath(definitionPath)
          .withCallingElementPath(level.callingElements());
    }
    clock += 5;
    out.add(records.event(ValueType.PROCESS_INSTANCE, intent, key, value.build(), clock));
  }

  public static byte[] xml(BpmnModelInstance model) {
    var xml = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(xml, model);
    return xml.toByteArray();
  }

  private Record<?> process(long key, String bpmnProcessId, byte[] xml) {
    var value =
        ImmutableProcess.builder()
            .withBpmnProcessId(bpmnProcessId)
            .withVersion(1)
            .withProcessDefinitionKey(key)
            .withResourceName(bpmnProcessId + ".bpmn")
            .withResource(xml)
            .withChecksum(new byte[] {1})
            .withTenantId("<default>")
            .build();
    clock += 5;
    return records.event(ValueType.PROCESS, ProcessIntent.CREATED, key, value, clock);
  }

  private List<Record<?>> drain() {
    var drained = List.copyOf(out);
    out.clear();
    return drained;
  }
}
