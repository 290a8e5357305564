package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.ImmutableJobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobResultCorrectionsValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobResultValue;
import io.camunda.zeebe.protocol.record.value.ImmutableMultiInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessEventRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceCreationRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue;
import io.camunda.zeebe.protocol.record.value.JobKind;
import io.camunda.zeebe.protocol.record.value.JobListenerEventType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.JobResultType;
import java.util.List;
import java.util.Map;

/**
 * Record values of process execution as an 8.8.0 broker fills them (defaults included: {@code -1}
 * keys, empty strings and lists, the job's default {@code result}), field for field as in the real
 * records.
 *
 * <p>Thread-safe: stateless; every value built is immutable.
 */
final class Values {

  static final String TENANT = "<default>";

  /** What the simulated worker calls itself. */
  static final String WORKER = "sightline-worker";

  /** The activation timeout the worker asks for (the Java client's default, 5 minutes). */
  static final long JOB_TIMEOUT_MILLIS = 300_000;

  static final int MAX_JOBS_TO_ACTIVATE = 32;

  /** The unset {@code result} every BPMN job carries. */
  private static final JobRecordValue.JobResultValue NO_RESULT =
      ImmutableJobResultValue.builder()
          .withType(JobResultType.USER_TASK)
          .withDenied(false)
          .withDeniedReason("")
          .withCorrectedAttributes(List.of())
          .withCorrections(
              ImmutableJobResultCorrectionsValue.builder()
                  .withAssignee("")
                  .withDueDate("")
                  .withFollowUpDate("")
                  .withCandidateGroupsList(List.of())
                  .withCandidateUsersList(List.of())
                  .withPriority(-1)
                  .build())
          .withActivateElements(List.of())
          .withCompletionConditionFulfilled(false)
          .withCancelRemainingInstances(false)
          .build();

  private Values() {}

  /** An element's value without tree fields (what every intent but ELEMENT_ACTIVATING carries). */
  static ImmutableProcessInstanceRecordValue element(
      ProcessInstance process,
      ElementInstance flowScope,
      String elementId,
      BpmnElementType type,
      BpmnEventType eventType) {
    DeployedChain definition = process.definition;
    return ImmutableProcessInstanceRecordValue.builder()
        .withBpmnProcessId(definition.bpmnProcessId())
        .withVersion(definition.version())
        .withProcessDefinitionKey(definition.key())
        .withProcessInstanceKey(process.key)
        .withElementId(elementId)
        .withFlowScopeKey(flowScope == null ? -1 : flowScope.key)
        .withBpmnElementType(type)
        .withBpmnEventType(eventType)
        .withParentProcessInstanceKey(process.parentKey())
        .withParentElementInstanceKey(process.parentElementKey())
        .withTenantId(TENANT)
        .build();
  }

  /** The ELEMENT_ACTIVATING value: with {@code elementInstancePath} and the other tree fields. */
  static ImmutableProcessInstanceRecordValue activating(ElementInstance element) {
    ProcessInstance process = element.process;
    return element
        .value
        .withElementInstancePath(process.elementInstancePath(element))
        .withProcessDefinitionPath(process.definitionPath)
        .withCallingElementPath(process.callingPath);
  }

  static ImmutableVariableRecordValue variable(String name, String json, ElementInstance scope) {
    ProcessInstance process = scope.process;
    return ImmutableVariableRecordValue.builder()
        .withName(name)
        .withValue(json)
        .withProcessInstanceKey(process.key)
        .withProcessDefinitionKey(process.definition.key())
        .withTenantId(TENANT)
        .withBpmnProcessId(process.definition.bpmnProcessId())
        .withScopeKey(scope.key)
        .build();
  }

  /** The CREATE command a client sends: the process by id, latest version. */
  static ImmutableProcessInstanceCreationRecordValue createCommand(
      DeployedChain definition, Map<String, Object> variables) {
    return ImmutableProcessInstanceCreationRecordValue.builder()
        .withBpmnProcessId(definition.bpmnProcessId())
        .withVersion(-1)
        .withProcessDefinitionKey(0)
        .withProcessInstanceKey(-1)
        .withVariables(variables)
        .withTenantId(TENANT)
        .withTags(List.of())
        .withStartInstructions(List.of())
        .withRuntimeInstructions(List.of())
        .build();
  }

  static ImmutableProcessInstanceCreationRecordValue created(
      ProcessInstance process, Map<String, Object> variables) {
    return createCommand(process.definition, variables)
        .withVersion(process.definition.version())
        .withProcessDefinitionKey(process.definition.key())
        .withProcessInstanceKey(process.key);
  }

  static ImmutableMultiInstanceRecordValue inputCollection(List<String> elementsJson) {
    return ImmutableMultiInstanceRecordValue.builder().withInputCollection(elementsJson).build();
  }

  static ImmutableProcessInstanceBatchRecordValue batch(ElementInstance body, long index) {
    return ImmutableProcessInstanceBatchRecordValue.builder()
        .withBatchElementInstanceKey(body.key)
        .withIndex(index)
        .withProcessInstanceKey(body.process.key)
        .withTenantId(TENANT)
        .build();
  }

  static ImmutableProcessEventRecordValue processEvent(
      ElementInstance target, Map<String, Object> variables) {
    return ImmutableProcessEventRecordValue.builder()
        .withScopeKey(target.key)
        .withTargetElementId(target.node.id())
        .withProcessInstanceKey(target.process.key)
        .withProcessDefinitionKey(target.process.definition.key())
        .withVariables(variables)
        .withTenantId(TENANT)
        .build();
  }

  /** The job as the engine stores it, with the given variables. */
  static ImmutableJobRecordValue job(Job job, Map<String, Object> variables) {
    ProcessInstance process = job.element.process;
    return jobDefaults()
        .withType(job.type)
        .withProcessInstanceKey(process.key)
        .withProcessDefinitionVersion(process.definition.version())
        .withProcessDefinitionKey(process.definition.key())
        .withBpmnProcessId(process.definition.bpmnProcessId())
        .withElementId(job.element.node.id())
        .withElementInstanceKey(job.element.key)
        .withRetries(job.retries)
        .withDeadline(job.deadline)
        .withWorker(job.worker)
        .withErrorMessage(job.errorMessage)
        .withVariables(variables)
        .build();
  }

  /**
   * A job command from a worker: the key in the record, the rest unset but what the command
   * changes.
   */
  static ImmutableJobRecordValue jobCommand(
      int retries, String errorMessage, Map<String, Object> variables) {
    return jobDefaults()
        .withRetries(retries)
        .withErrorMessage(errorMessage)
        .withVariables(variables)
        .build();
  }

  static ImmutableJobBatchRecordValue jobBatch(
      String type, List<JobRecordValue> jobs, List<Long> jobKeys) {
    return ImmutableJobBatchRecordValue.builder()
        .withType(type)
        .withWorker(WORKER)
        .withTimeout(JOB_TIMEOUT_MILLIS)
        .withMaxJobsToActivate(MAX_JOBS_TO_ACTIVATE)
        .withJobs(jobs)
        .withJobKeys(jobKeys)
        .withTenantIds(List.of())
        .withTruncated(false)
        .build();
  }

  private static ImmutableJobRecordValue.Builder jobDefaults() {
    return ImmutableJobRecordValue.builder()
        .withType("")
        .withProcessInstanceKey(-1)
        .withProcessDefinitionVersion(-1)
        .withProcessDefinitionKey(-1)
        .withBpmnProcessId("")
        .withElementId("")
        .withElementInstanceKey(-1)
        .withRetries(-1)
        .withDeadline(-1)
        .withTimeout(-1)
        .withRetryBackoff(0)
        .withRecurringTime(-1)
        .withWorker("")
        .withErrorMessage("")
        .withErrorCode("")
        .withCustomHeaders(Map.of())
        .withJobKind(JobKind.BPMN_ELEMENT)
        .withJobListenerEventType(JobListenerEventType.UNSPECIFIED)
        .withChangedAttributes(List.of())
        .withTags(List.of())
        .withResult(NO_RESULT)
        .withTenantId(TENANT);
  }
}
