package dev.sightline.it.exporter;

import dev.sightline.exporter.testing.CallHierarchy;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.EngineRecords.Element;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every value type and intent the read model reads, in five batches: deployments; instances,
 * variables and a user task; failures, incidents and updates; completions, migrations and
 * cancellations; the last resolution. The incidents of the two branches of a {@link CallHierarchy}
 * overlap.
 */
final class EveryHandlerScenario {

  static final String LONG_TEXT = "\"" + "x".repeat(8998) + "\""; // 9000 characters
  static final String EMOJI = "\"" + "\uD83D\uDE00".repeat(8500) + "\"";

  final EngineRecords engine =
      new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
  final CallHierarchy tree = new CallHierarchy(engine);
  final List<List<Record<?>>> batches = new ArrayList<>();
  long tasksDefinition;
  long jobA;
  long jobB;
  long jobC;
  long jobD;
  long incidentA;
  long incidentB;
  long userTask;
  long otherUserTask;

  EveryHandlerScenario() {
    var deployment = new ArrayList<>(tree.deploy());
    var tasksModel =
        Bpmn.createExecutableProcess("tasks")
            .name("Tasks")
            .startEvent()
            .userTask("approve", task -> task.name("Approve").zeebeUserTask())
            .userTask("review", task -> task.name("Review").zeebeUserTask())
            .endEvent()
            .done();
    tasksDefinition = engine.deploy("tasks", tasksModel);
    deployment.addAll(engine.drain());
    batches.add(deployment);

    var started = new ArrayList<>(tree.start());
    var root = tree.root;
    engine.variable(VariableIntent.CREATED, root, root.key(), "orderId", "\"order-42\"");
    engine.variable(VariableIntent.CREATED, root, root.key(), "document", LONG_TEXT);
    engine.variable(VariableIntent.CREATED, tree.leafA, tree.subA.key(), "emoji", EMOJI);
    var tasks = engine.startRoot(tasksDefinition, "tasks");
    Element approve = engine.activate(tasks, "approve", BpmnElementType.USER_TASK);
    Element review = engine.activate(tasks, "review", BpmnElementType.USER_TASK);
    userTask =
        engine.userTaskCreated(
            approve,
            v ->
                v.withCandidateGroupsList(List.of("sales"))
                    .withDueDate("2027-01-20T10:00:00+01:00")
                    .withFormKey(31));
    otherUserTask = engine.userTaskCreated(review, v -> v.withAssignee("bob"));
    jobA = engine.jobCreated(tree.taskA, "work", Map.of("region", "eu", "a.b", "dotted"));
    jobB = engine.jobCreated(tree.taskB, "work", Map.of());
    jobC = engine.jobCreated(tree.taskB, "other", Map.of());
    jobD = engine.jobCreated(tree.taskB, "listener", Map.of());
    started.addAll(engine.drain());
    batches.add(started);

    engine.jobEvent(
        jobA,
        JobIntent.FAILED,
        v ->
            v.withRetries(0)
                .withWorker("w1")
                .withErrorMessage("boom")
                .withDeadline(ExporterHarness.START_MILLIS + 60_000));
    incidentA = engine.incidentCreated(tree.taskA, ErrorType.JOB_NO_RETRIES, jobA);
    engine.jobEvent(jobB, JobIntent.TIMED_OUT, v -> v.withWorker("w2"));
    engine.jobEvent(jobB, JobIntent.RECURRED_AFTER_BACKOFF, v -> v);
    engine.jobEvent(
        jobB, JobIntent.ERROR_THROWN, v -> v.withErrorCode("E1").withErrorMessage("not found"));
    incidentB = engine.incidentCreated(tree.taskB, ErrorType.UNHANDLED_ERROR_EVENT, jobB);
    engine.variable(VariableIntent.UPDATED, root, root.key(), "document", "\"short\"");
    engine.variable(VariableIntent.UPDATED, root, root.key(), "orderId", "\"order-43\"");
    engine.userTaskEvent(userTask, UserTaskIntent.ASSIGNED, v -> v.withAssignee("ann"));
    engine.userTaskEvent(
        userTask,
        UserTaskIntent.UPDATED,
        v ->
            v.withChangedAttributes(List.of("priority", "dueDate"))
                .withPriority(80)
                .withDueDate(""));
    engine.jobEvent(jobC, JobIntent.UPDATED, v -> v.withRetries(5));
    engine.jobEvent(
        jobC,
        JobIntent.TIMEOUT_UPDATED,
        v -> v.withDeadline(ExporterHarness.START_MILLIS + 90_000));
    engine.jobEvent(jobD, JobIntent.YIELDED, v -> v);
    batches.add(engine.drain());

    engine.jobEvent(jobA, JobIntent.RETRIES_UPDATED, v -> v.withRetries(1));
    engine.incidentResolved(incidentA);
    engine.jobEvent(jobA, JobIntent.COMPLETED, v -> v.withWorker("w3"));
    engine.jobEvent(jobC, JobIntent.MIGRATED, v -> v.withElementId("task-v2"));
    engine.jobEvent(jobC, JobIntent.CANCELED, v -> v);
    engine.incidentEvent(incidentB, IncidentIntent.MIGRATED, v -> v.withElementId("task-v2"));
    engine.variable(VariableIntent.MIGRATED, root, root.key(), "orderId", "\"order-43\"");
    engine.userTaskEvent(userTask, UserTaskIntent.MIGRATED, v -> v.withElementId("review"));
    engine.userTaskEvent(userTask, UserTaskIntent.COMPLETED, v -> v);
    engine.userTaskEvent(otherUserTask, UserTaskIntent.CANCELED, v -> v);
    batches.add(engine.drain());

    engine.incidentResolved(incidentB);
    batches.add(engine.drain());
  }
}
