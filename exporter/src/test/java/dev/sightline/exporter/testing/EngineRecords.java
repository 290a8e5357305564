package dev.sightline.exporter.testing;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableUserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobKind;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Records of one partition as the 8.8 engine writes them, for call hierarchies of any shape:
 * deployments, process and element instances (with the tree fields on ELEMENT_ACTIVATING, or
 * without them as brokers before 8.8 wrote them), incidents (with tree fields, as 8.6+ writes them,
 * unless turned off), jobs, variables and user tasks. Each call appends its records; {@link
 * #drain()} hands them over in log order.
 */
public final class EngineRecords {

  public static final String TENANT = "<default>";

  private final RecordFactory records;
  private final boolean withTreeFields;
  private final List<Record<?>> out = new ArrayList<>();
  private final List<Record<?>> emitted = new ArrayList<>();
  private final Map<String, Long> variableKeys = new HashMap<>();
  private long clock;

  /** One process instance and how it was called. */
  public record Instance(
      long key,
      long definitionKey,
      String bpmnProcessId,
      List<List<Long>> ancestorInstancePaths,
      List<Long> ancestorDefinitions,
      List<Integer> callingElements,
      long parentInstanceKey,
      long parentElementInstanceKey) {}

  /** One element instance; {@code path} is {@code [processInstanceKey, scopes…, key]}. */
  public record Element(
      Instance instance, long key, String elementId, BpmnElementType type, List<Long> path) {}

  public EngineRecords(RecordFactory records, boolean withTreeFields, long startMillis) {
    this.records = records;
    this.withTreeFields = withTreeFields;
    this.clock = startMillis;
  }

  public RecordFactory factory() {
    return records;
  }

  /** The records appended since the last drain, in log order. */
  public List<Record<?>> drain() {
    var drained = List.copyOf(out);
    out.clear();
    return drained;
  }

  /** PROCESS CREATED; returns the definition key. */
  public long deploy(String bpmnProcessId, BpmnModelInstance model) {
    var key = records.nextKey();
    var value =
        ImmutableProcess.builder()
            .withBpmnProcessId(bpmnProcessId)
            .withVersion(1)
            .withProcessDefinitionKey(key)
            .withResourceName(bpmnProcessId + ".bpmn")
            .withResource(ProcessScenario.xml(model))
            .withChecksum(new byte[] {1})
            .withTenantId(TENANT)
            .build();
    emit(ValueType.PROCESS, ProcessIntent.CREATED, key, value);
    return key;
  }

  /** A root instance: its process element activated. */
  public Instance startRoot(long definitionKey, String bpmnProcessId) {
    var instance =
        new Instance(
            records.nextKey(),
            definitionKey,
            bpmnProcessId,
            List.of(),
            List.of(),
            List.of(),
            -1,
            -1);
    activateProcess(instance);
    return instance;
  }

  /**
   * A called instance of {@code callActivity}, the {@code callingIndex}-th call activity of its
   * definition.
   */
  public Instance startCalled(
      Element callActivity, int callingIndex, long definitionKey, String bpmnProcessId) {
    var parent = callActivity.instance();
    var ancestors = new ArrayList<>(parent.ancestorInstancePaths());
    ancestors.add(callActivity.path());
    var definitions = new ArrayList<>(parent.ancestorDefinitions());
    definitions.add(parent.definitionKey());
    var calling = new ArrayList<>(parent.callingElements());
    calling.add(callingIndex);
    var instance =
        new Instance(
            records.nextKey(),
            definitionKey,
            bpmnProcessId,
            ancestors,
            definitions,
            calling,
            parent.key(),
            callActivity.key());
    activateProcess(instance);
    return instance;
  }

  /** An element directly in the process, activated. */
  public Element activate(Instance instance, String elementId, BpmnElementType type) {
    return activate(instance, List.of(instance.key()), elementId, type);
  }

  /** An element inside a sub-process or multi-instance body, activated. */
  public Element activateIn(Element scope, String elementId, BpmnElementType type) {
    return activate(scope.instance(), scope.path(), elementId, type);
  }

  public void complete(Element element) {
    elementEvent(element, ProcessInstanceIntent.ELEMENT_COMPLETING);
    elementEvent(element, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  public void completeProcess(Instance instance) {
    processEvent(instance, ProcessInstanceIntent.ELEMENT_COMPLETING, false);
    processEvent(instance, ProcessInstanceIntent.ELEMENT_COMPLETED, false);
  }

  /** ELEMENT_MIGRATED of the process element: the instance moved to another definition. */
  public Record<?> migrated(Instance instance, long definitionKey, String bpmnProcessId) {
    var value =
        base(instance, bpmnProcessId, BpmnElementType.PROCESS, -1)
            .withProcessDefinitionKey(definitionKey)
            .withBpmnProcessId(bpmnProcessId);
    return emit(
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ELEMENT_MIGRATED,
        instance.key(),
        value.build());
  }

  /** ELEMENT_MIGRATED of an element: moved to an element of another definition. */
  public Record<?> migrated(
      Element element, long definitionKey, String bpmnProcessId, String elementId) {
    var path = element.path();
    var value =
        base(element.instance(), elementId, element.type(), path.get(path.size() - 2))
            .withProcessDefinitionKey(definitionKey)
            .withBpmnProcessId(bpmnProcessId);
    return emit(
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ELEMENT_MIGRATED,
        element.key(),
        value.build());
  }

  /** INCIDENT CREATED on an element; returns the incident key. */
  public long incidentCreated(Element element, ErrorType errorType, long jobKey) {
    var key = records.nextKey();
    emit(ValueType.INCIDENT, IncidentIntent.CREATED, key, incident(element, errorType, jobKey));
    return key;
  }

  /** INCIDENT RESOLVED (or MIGRATED) of an incident created by {@link #incidentCreated}. */
  public void incidentEvent(
      long incidentKey, IncidentIntent intent, UnaryOperator<ImmutableIncidentRecordValue> change) {
    var created = findValue(incidentKey, ValueType.INCIDENT, IncidentRecordValue.class);
    emit(
        ValueType.INCIDENT,
        intent,
        incidentKey,
        change.apply(ImmutableIncidentRecordValue.copyOf(created)));
  }

  public void incidentResolved(long incidentKey) {
    incidentEvent(incidentKey, IncidentIntent.RESOLVED, value -> value);
  }

  /** JOB CREATED for a task; returns the job key. */
  public long jobCreated(Element task, String type, Map<String, String> customHeaders) {
    var key = records.nextKey();
    var value =
        ImmutableJobRecordValue.builder()
            .withType(type)
            .withRetries(3)
            .withDeadline(-1)
            .withWorker("")
            .withErrorMessage("")
            .withErrorCode("")
            .withCustomHeaders(customHeaders)
            .withJobKind(JobKind.BPMN_ELEMENT)
            .withProcessInstanceKey(task.instance().key())
            .withProcessDefinitionKey(task.instance().definitionKey())
            .withBpmnProcessId(task.instance().bpmnProcessId())
            .withProcessDefinitionVersion(1)
            .withElementId(task.elementId())
            .withElementInstanceKey(task.key())
            .withTenantId(TENANT)
            .build();
    emit(ValueType.JOB, JobIntent.CREATED, key, value);
    return key;
  }

  /** A later JOB event: the last job value, changed. */
  public Record<?> jobEvent(
      long jobKey, JobIntent intent, UnaryOperator<ImmutableJobRecordValue> change) {
    var last = findValue(jobKey, ValueType.JOB, JobRecordValue.class);
    return emit(ValueType.JOB, intent, jobKey, change.apply(ImmutableJobRecordValue.copyOf(last)));
  }

  /**
   * A VARIABLE event in a scope (the process instance or an element instance); a variable keeps its
   * key.
   */
  public long variable(
      VariableIntent intent, Instance instance, long scopeKey, String name, String jsonValue) {
    var key = variableKeys.computeIfAbsent(scopeKey + "-" + name, id -> records.nextKey());
    var value =
        ImmutableVariableRecordValue.builder()
            .withName(name)
            .withValue(jsonValue)
            .withScopeKey(scopeKey)
            .withProcessInstanceKey(instance.key())
            .withProcessDefinitionKey(instance.definitionKey())
            .withBpmnProcessId(instance.bpmnProcessId())
            .withTenantId(TENANT)
            .build();
    emit(ValueType.VARIABLE, intent, key, value);
    return key;
  }

  /** USER_TASK CREATED for a user task element; returns the user task key. */
  public long userTaskCreated(Element task, UnaryOperator<ImmutableUserTaskRecordValue> change) {
    var key = records.nextKey();
    var value =
        ImmutableUserTaskRecordValue.builder()
            .withUserTaskKey(key)
            .withAssignee("")
            .withCandidateGroupsList(List.of())
            .withCandidateUsersList(List.of())
            .withDueDate("")
            .withFollowUpDate("")
            .withFormKey(-1)
            .withPriority(50)
            .withChangedAttributes(List.of())
            .withElementId(task.elementId())
            .withElementInstanceKey(task.key())
            .withProcessInstanceKey(task.instance().key())
            .withProcessDefinitionKey(task.instance().definitionKey())
            .withBpmnProcessId(task.instance().bpmnProcessId())
            .withProcessDefinitionVersion(1)
            .withCreationTimestamp(clock)
            .withTenantId(TENANT)
            .build();
    emit(ValueType.USER_TASK, UserTaskIntent.CREATED, key, change.apply(value));
    return key;
  }

  /** A later USER_TASK event: the last user task value, changed. */
  public Record<?> userTaskEvent(
      long userTaskKey, UserTaskIntent intent, UnaryOperator<ImmutableUserTaskRecordValue> change) {
    var last = findValue(userTaskKey, ValueType.USER_TASK, UserTaskRecordValue.class);
    return emit(
        ValueType.USER_TASK,
        intent,
        userTaskKey,
        change.apply(ImmutableUserTaskRecordValue.copyOf(last)));
  }

  /** Appends any record of this partition. */
  public Record<?> emit(ValueType valueType, Intent intent, long key, RecordValue value) {
    clock += 5;
    var record = records.event(valueType, intent, key, value, clock);
    out.add(record);
    emitted.add(record);
    return record;
  }

  private Element activate(
      Instance instance, List<Long> scopePath, String elementId, BpmnElementType type) {
    var key = records.nextKey();
    var path = new ArrayList<>(scopePath);
    path.add(key);
    var element = new Element(instance, key, elementId, type, List.copyOf(path));
    elementEvent(element, ProcessInstanceIntent.ELEMENT_ACTIVATING);
    elementEvent(element, ProcessInstanceIntent.ELEMENT_ACTIVATED);
    return element;
  }

  private void activateProcess(Instance instance) {
    processEvent(instance, ProcessInstanceIntent.ELEMENT_ACTIVATING, true);
    processEvent(instance, ProcessInstanceIntent.ELEMENT_ACTIVATED, false);
  }

  private void processEvent(Instance instance, ProcessInstanceIntent intent, boolean activating) {
    var value = base(instance, instance.bpmnProcessId(), BpmnElementType.PROCESS, -1);
    if (withTreeFields && activating) {
      treeFields(value, instance, List.of(instance.key()));
    }
    emit(ValueType.PROCESS_INSTANCE, intent, instance.key(), value.build());
  }

  private void elementEvent(Element element, ProcessInstanceIntent intent) {
    var path = element.path();
    var value =
        base(element.instance(), element.elementId(), element.type(), path.get(path.size() - 2));
    if (withTreeFields && intent == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      treeFields(value, element.instance(), path);
    }
    emit(ValueType.PROCESS_INSTANCE, intent, element.key(), value.build());
  }

  private static ImmutableProcessInstanceRecordValue.Builder base(
      Instance instance, String elementId, BpmnElementType type, long flowScopeKey) {
    return ImmutableProcessInstanceRecordValue.builder()
        .withBpmnProcessId(instance.bpmnProcessId())
        .withVersion(1)
        .withProcessDefinitionKey(instance.definitionKey())
        .withProcessInstanceKey(instance.key())
        .withElementId(elementId)
        .withFlowScopeKey(flowScopeKey)
        .withBpmnElementType(type)
        .withBpmnEventType(BpmnEventType.UNSPECIFIED)
        .withParentProcessInstanceKey(instance.parentInstanceKey())
        .withParentElementInstanceKey(instance.parentElementInstanceKey())
        .withTenantId(TENANT);
  }

  private static void treeFields(
      ImmutableProcessInstanceRecordValue.Builder value, Instance instance, List<Long> path) {
    var instancePath = new ArrayList<>(instance.ancestorInstancePaths());
    instancePath.add(path);
    var definitionPath = new ArrayList<>(instance.ancestorDefinitions());
    definitionPath.add(instance.definitionKey());
    value
        .withElementInstancePath(instancePath)
        .withProcessDefinitionPath(definitionPath)
        .withCallingElementPath(instance.callingElements());
  }

  private IncidentRecordValue incident(Element element, ErrorType errorType, long jobKey) {
    var instance = element.instance();
    var value =
        ImmutableIncidentRecordValue.builder()
            .withErrorType(errorType)
            .withErrorMessage(
                errorType == ErrorType.JOB_NO_RETRIES
                    ? "No more retries left."
                    : "failed: " + errorType)
            .withBpmnProcessId(instance.bpmnProcessId())
            .withProcessDefinitionKey(instance.definitionKey())
            .withProcessInstanceKey(instance.key())
            .withElementId(element.elementId())
            .withElementInstanceKey(element.key())
            .withJobKey(jobKey)
            .withVariableScopeKey(element.key())
            .withTenantId(TENANT);
    if (withTreeFields) {
      var instancePath = new ArrayList<>(instance.ancestorInstancePaths());
      instancePath.add(element.path());
      var definitionPath = new ArrayList<>(instance.ancestorDefinitions());
      definitionPath.add(instance.definitionKey());
      value
          .withElementInstancePath(instancePath)
          .withProcessDefinitionPath(definitionPath)
          .withCallingElementPath(instance.callingElements());
    }
    return value.build();
  }

  /**
   * The value of the last record with this key and value type, in everything emitted (drained or
   * not).
   */
  private <T> T findValue(long key, ValueType valueType, Class<T> type) {
    for (int i = emitted.size() - 1; i >= 0; i--) {
      var record = emitted.get(i);
      if (record.getKey() == key && record.getValueType() == valueType) {
        return type.cast(record.getValue());
      }
    }
    throw new IllegalArgumentException("no " + valueType + " record with key " + key);
  }
}
