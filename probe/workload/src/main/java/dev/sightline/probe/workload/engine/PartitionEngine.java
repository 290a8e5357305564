package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One partition of a simulated Zeebe 8.8 engine for the processes of a {@link Deployment}: each
 * method is a command arriving from outside (a client, a worker, an operator, the deployment
 * partition), written to the log at the given time and processed at once with all its follow-up
 * commands, every record of that processing stamped with the same time. Records go to the sink in
 * position order.
 *
 * <p>Called instances live on their caller's partition, as in the engine. Keys carry the partition
 * id; the deployment's keys are the deployment partition's everywhere.
 *
 * <p>Not thread-safe: use one engine from one thread at a time.
 */
public final class PartitionEngine {

  private final int partitionId;
  private final EngineContext context;
  private final VariableBehavior variables;
  private final JobBehavior jobs;
  private final BpmnProcessor processor;
  private final DeploymentProcessor deployments;

  public PartitionEngine(
      int partitionId, Deployment deployment, Consumer<Record<?>> sink, EngineObserver observer) {
    if (partitionId < 1) {
      throw new IllegalArgumentException("Partition ids start at 1, got " + partitionId);
    }
    this.partitionId = partitionId;
    long usedKeys = partitionId == Deployment.PARTITION ? deployment.keysUsed() : 0;
    this.context =
        new EngineContext(
            new LogWriter(partitionId, sink),
            new KeyGenerator(partitionId, usedKeys),
            deployment,
            observer);
    this.variables = new VariableBehavior(context);
    this.jobs = new JobBehavior(context, variables);
    this.processor = new BpmnProcessor(context, variables, jobs);
    jobs.completeTasksWith(processor);
    this.deployments = new DeploymentProcessor(context, partitionId);
  }

  public int partitionId() {
    return partitionId;
  }

  /** The deployment (on partition 1) or its distribution (elsewhere). */
  public void deploy(long timestampMillis) {
    deployments.deploy(timestampMillis);
  }

  /**
   * A client creates an instance of the latest version of a process with variables, and everything
   * up to the first wait states (jobs) runs. Returns the process instance key.
   */
  public long createProcessInstance(
      String bpmnProcessId, Map<String, VariableValue> variables, long timestampMillis) {
    DeployedChain definition = context.deployment.process(bpmnProcessId);
    Map<String, Object> documents = VariableBehavior.documents(variables);
    context.log.clientCommand(
        timestampMillis,
        -1,
        ValueType.PROCESS_INSTANCE_CREATION,
        ProcessInstanceCreationIntent.CREATE,
        Values.createCommand(definition, documents));
    var instance = ProcessInstance.root(context.keys.next(), definition);
    this.variables.createAll(instance.element, variables);
    processor.activateCommand(instance.element);
    context.log.event(
        context.keys.next(),
        ValueType.PROCESS_INSTANCE_CREATION,
        ProcessInstanceCreationIntent.CREATED,
        Values.created(instance, documents));
    context.processFollowUps();
    return instance.key;
  }

  /** A worker activates jobs of one type (one JOB_BATCH). */
  public void activateJobs(String type, List<Long> jobKeys, long timestampMillis) {
    jobs.activate(type, jobKeys, timestampMillis);
  }

  /** A worker completes a job with the variables of its task's model; the instance runs on. */
  public void completeJob(long jobKey, long timestampMillis) {
    jobs.complete(jobKey, timestampMillis);
    context.processFollowUps();
  }

  /** A worker fails a job with no retries left; returns the key of the incident raised. */
  public long failJob(long jobKey, String errorMessage, long timestampMillis) {
    return jobs.fail(jobKey, errorMessage, timestampMillis);
  }

  /** An operator gives a failed job retries again. */
  public void updateJobRetries(long jobKey, int retries, long timestampMillis) {
    jobs.updateRetries(jobKey, retries, timestampMillis);
  }

  /**
   * An operator resolves an incident (after giving its job retries, the job can be activated
   * again).
   */
  public void resolveIncident(long incidentKey, long timestampMillis) {
    jobs.resolve(incidentKey, timestampMillis);
  }

  /** Jobs not completed yet (created, activated or failed). */
  public int openJobs() {
    return context.jobs.size();
  }
}
