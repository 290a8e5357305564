package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.engine.EngineContext.Incident;
import dev.sightline.probe.workload.shape.Step;
import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessEventIntent;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jobs of service tasks and the commands a worker and an operator send about them: activation in
 * batches, completion (which triggers the task's completion), failure without retries (an
 * incident), new retries and resolving the incident.
 *
 * <p>Not thread-safe: one partition, one thread.
 */
final class JobBehavior {

  private final EngineContext context;
  private final VariableBehavior variables;
  private BpmnProcessor processor;

  JobBehavior(EngineContext context, VariableBehavior variables) {
    this.context = context;
    this.variables = variables;
  }

  void completeTasksWith(BpmnProcessor processor) {
    this.processor = processor;
  }

  /** JOB CREATED while a service task activates. */
  void create(ElementInstance task) {
    var step = (Step.ServiceTask) task.node.step();
    var job = new Job(context.keys.next(), step.jobType(), task);
    context.jobs.put(job.key, job);
    context.log.event(job.key, ValueType.JOB, JobIntent.CREATED, Values.job(job, Map.of()));
    context.observer.jobCreated(job.ref());
  }

  void activate(String type, List<Long> jobKeys, long timestampMillis) {
    context.log.clientCommand(
        timestampMillis,
        -1,
        ValueType.JOB_BATCH,
        JobBatchIntent.ACTIVATE,
        Values.jobBatch(type, List.of(), List.of()));
    var activated = new ArrayList<JobRecordValue>(jobKeys.size());
    for (long key : jobKeys) {
      Job job = job(key);
      job.worker = Values.WORKER;
      job.deadline = timestampMillis + Values.JOB_TIMEOUT_MILLIS;
      activated.add(Values.job(job, VariableBehavior.documents(variables.visible(job.element))));
    }
    context.log.event(
        context.keys.next(),
        ValueType.JOB_BATCH,
        JobBatchIntent.ACTIVATED,
        Values.jobBatch(type, activated, jobKeys));
  }

  /**
   * Completes a job with the variables its task's model gives, then the task (and what follows).
   */
  void complete(long jobKey, long timestampMillis) {
    Job job = job(jobKey);
    ElementInstance task = job.element;
    Map<String, VariableValue> result = ((Step.ServiceTask) task.node.step()).completionVariables();
    Map<String, Object> documents = VariableBehavior.documents(result);
    context.log.clientCommand(
        timestampMillis,
        jobKey,
        ValueType.JOB,
        JobIntent.COMPLETE,
        Values.jobCommand(-1, "", documents));
    context.jobs.remove(jobKey);
    context.log.event(jobKey, ValueType.JOB, JobIntent.COMPLETED, Values.job(job, documents));
    task.processEventKey = context.keys.next();
    context.log.event(
        task.processEventKey,
        ValueType.PROCESS_EVENT,
        ProcessEventIntent.TRIGGERING,
        Values.processEvent(task, documents));
    task.pendingVariables = result;
    processor.completeCommand(task);
  }

  /** The worker fails the job with no retries left: JOB FAILED and an incident; returns its key. */
  long fail(long jobKey, String errorMessage, long timestampMillis) {
    Job job = job(jobKey);
    context.log.clientCommand(
        timestampMillis,
        jobKey,
        ValueType.JOB,
        JobIntent.FAIL,
        Values.jobCommand(0, errorMessage, Map.of()));
    job.retries = 0;
    job.errorMessage = errorMessage;
    context.log.event(jobKey, ValueType.JOB, JobIntent.FAILED, Values.job(job, Map.of()));
    ElementInstance task = job.element;
    ProcessInstance process = task.process;
    var incident =
        new Incident(
            context.keys.next(),
            job,
            ImmutableIncidentRecordValue.builder()
                .withErrorType(ErrorType.JOB_NO_RETRIES)
                .withErrorMessage(errorMessage)
                .withBpmnProcessId(process.definition.bpmnProcessId())
                .withProcessDefinitionKey(process.definition.key())
                .withProcessInstanceKey(process.key)
                .withElementId(task.node.id())
                .withElementInstanceKey(task.key)
                .withJobKey(jobKey)
                .withVariableScopeKey(task.key)
                .withTenantId(Values.TENANT)
                .withElementInstancePath(process.elementInstancePath(task))
                .withProcessDefinitionPath(process.definitionPath)
                .withCallingElementPath(process.callingPath)
                .build());
    context.incidents.put(incident.key(), incident);
    context.log.event(incident.key(), ValueType.INCIDENT, IncidentIntent.CREATED, incident.value());
    return incident.key();
  }

  void updateRetries(long jobKey, int retries, long timestampMillis) {
    Job job = job(jobKey);
    context.log.clientCommand(
        timestampMillis,
        jobKey,
        ValueType.JOB,
        JobIntent.UPDATE_RETRIES,
        Values.jobCommand(retries, "", Map.of()));
    job.retries = retries;
    context.log.event(jobKey, ValueType.JOB, JobIntent.RETRIES_UPDATED, Values.job(job, Map.of()));
  }

  void resolve(long incidentKey, long timestampMillis) {
    Incident incident = context.incidents.remove(incidentKey);
    if (incident == null) {
      throw new IllegalArgumentException("No open incident with key " + incidentKey);
    }
    context.log.clientCommand(
        timestampMillis, incidentKey, ValueType.INCIDENT, IncidentIntent.RESOLVE, UNSET_INCIDENT);
    context.log.event(incidentKey, ValueType.INCIDENT, IncidentIntent.RESOLVED, incident.value());
  }

  private Job job(long key) {
    Job job = context.jobs.get(key);
    if (job == null) {
      throw new IllegalArgumentException("No open job with key " + key);
    }
    return job;
  }

  /** A RESOLVE command carries only the incident's key. */
  private static final ImmutableIncidentRecordValue UNSET_INCIDENT =
      ImmutableIncidentRecordValue.builder()
          .withErrorType(ErrorType.UNKNOWN)
          .withErrorMessage("")
          .withBpmnProcessId("")
          .withProcessDefinitionKey(-1)
          .withProcessInstanceKey(-1)
          .withElementId("")
          .withElementInstanceKey(-1)
          .withJobKey(-1)
          .withVariableScopeKey(-1)
          .withTenantId(Values.TENANT)
          .withElementInstancePath(List.of())
          .withProcessDefinitionPath(List.of())
          .withCallingElementPath(List.of())
          .build();
}
