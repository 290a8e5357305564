package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.EngineRecords.Element;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserTaskHandlerTest {

  private static final String TASKS = "t-user-task-v1";

  private final ExporterHarness harness =
      new ExporterHarness(
          Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 1000, "delay", "1s")));
  private final EngineRecords engine =
      new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
  private final Element approve;

  UserTaskHandlerTest() {
    var model =
        Bpmn.createExecutableProcess("orders")
            .startEvent()
            .userTask("approve", task -> task.name("Approve order").zeebeUserTask())
            .endEvent()
            .done();
    var instance = engine.startRoot(engine.deploy("orders", model), "orders");
    approve = engine.activate(instance, "approve", BpmnElementType.USER_TASK);
  }

  private Map<String, Object> task(long key) {
    harness.export(engine.drain());
    harness.advance(Duration.ofSeconds(1));
    return new HashMap<>(
        harness.store.index(TASKS).get(Long.toString(key))); // a snapshot: later flushes change it
  }

  @Test
  void shouldWriteACreatedTaskNamedAfterItsElement() {
    // given
    var key =
        engine.userTaskCreated(
            approve,
            v ->
                v.withCandidateGroupsList(List.of("sales"))
                    .withCandidateUsersList(List.of("ann", "bob"))
                    .withDueDate("2027-01-20T10:00:00+01:00")
                    .withFollowUpDate("2027-01-19T10:00:00+01:00[Europe/Berlin]")
                    .withFormKey(9001)
                    .withPriority(70));

    // when
    var document = task(key);

    // then
    assertThat(document)
        .containsEntry("key", key)
        .containsEntry("elementId", "approve")
        .containsEntry("name", "Approve order")
        .containsEntry("candidateGroups", List.of("sales"))
        .containsEntry("candidateUsers", List.of("ann", "bob"))
        .containsEntry("dueDate", "2027-01-20T09:00:00.000Z")
        .containsEntry("followUpDate", "2027-01-19T09:00:00.000Z")
        .containsEntry("formKey", 9001L)
        .containsEntry("priority", 70)
        .containsEntry("state", "CREATED")
        .containsEntry("processInstanceKey", approve.instance().key())
        .containsEntry("processDefinitionKey", approve.instance().definitionKey())
        .containsEntry("bpmnProcessId", "orders")
        .containsEntry("elementInstanceKey", approve.key())
        .containsEntry("tenantId", EngineRecords.TENANT)
        .containsEntry("partitionId", 1)
        .containsKey("creationDate")
        .doesNotContainKeys("assignee", "completionDate");
  }

  @Test
  void shouldAssignUpdateAndCompleteATask() {
    // given
    var key =
        engine.userTaskCreated(
            approve,
            v -> v.withCandidateGroupsList(List.of("sales")).withDueDate("2027-01-20T10:00:00Z"));
    engine.userTaskEvent(key, UserTaskIntent.ASSIGNED, v -> v.withAssignee("ann"));
    var assigned = task(key);
    engine.userTaskEvent(
        key,
        UserTaskIntent.UPDATED,
        v ->
            v.withChangedAttributes(List.of("dueDate", "priority", "candidateGroupsList"))
                .withDueDate("")
                .withPriority(90)
                .withCandidateGroupsList(List.of("ops")));
    var updated = task(key);

    // when
    var completed = engine.userTaskEvent(key, UserTaskIntent.COMPLETED, v -> v);
    var document = task(key);

    // then
    assertThat(assigned).containsEntry("assignee", "ann");
    assertThat(updated)
        .containsEntry("dueDate", null)
        .containsEntry("priority", 90)
        .containsEntry("candidateGroups", List.of("ops"))
        .containsEntry("assignee", "ann");
    assertThat(document)
        .containsEntry("state", "COMPLETED")
        .containsEntry("completionDate", Dates.iso(completed.getTimestamp()))
        .containsEntry("position", completed.getPosition());
  }

  @Test
  void shouldClearTheAssigneeOnUnassignment() {
    // given an assigned task
    var key = engine.userTaskCreated(approve, v -> v);
    engine.userTaskEvent(key, UserTaskIntent.ASSIGNED, v -> v.withAssignee("ann"));
    task(key);

    // when unassigned
    engine.userTaskEvent(key, UserTaskIntent.ASSIGNED, v -> v.withAssignee(""));

    // then
    assertThat(task(key)).containsEntry("assignee", null);
  }

  @Test
  void shouldCancelATask() {
    // given
    var key = engine.userTaskCreated(approve, v -> v);

    // when
    var canceled = engine.userTaskEvent(key, UserTaskIntent.CANCELED, v -> v);

    // then
    assertThat(task(key))
        .containsEntry("state", "CANCELED")
        .containsEntry("completionDate", Dates.iso(canceled.getTimestamp()));
  }

  @Test
  void shouldMoveAMigratedTaskToItsNewElement() {
    // given
    var key = engine.userTaskCreated(approve, v -> v);

    // when migrated to an element of a definition this exporter does not know
    engine.userTaskEvent(
        key,
        UserTaskIntent.MIGRATED,
        v ->
            v.withElementId("approve-v2")
                .withProcessDefinitionKey(4711)
                .withBpmnProcessId("orders-v2"));

    // then the name of the old element is not kept
    assertThat(task(key))
        .containsEntry("elementId", "approve-v2")
        .containsEntry("processDefinitionKey", 4711L)
        .containsEntry("bpmnProcessId", "orders-v2")
        .containsEntry("state", "CREATED")
        .containsEntry("name", null);
  }

  @Test
  void shouldUpdateEveryAttributeWhenAnUpdateNamesNone() {
    // given
    var key = engine.userTaskCreated(approve, v -> v.withPriority(10));

    // when an older broker's UPDATED names no attribute
    engine.userTaskEvent(
        key,
        UserTaskIntent.UPDATED,
        v -> v.withPriority(20).withFollowUpDate("2027-02-01T00:00:00Z"));

    // then
    assertThat(task(key))
        .containsEntry("priority", 20)
        .containsEntry("followUpDate", "2027-02-01T00:00:00.000Z");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      value = {
        "2027-01-20T10:00:00Z|2027-01-20T10:00:00.000Z",
        "2027-01-20T10:00:00.5-02:00|2027-01-20T12:00:00.500Z",
        "tomorrow|",
        "|"
      },
      delimiter = '|')
  void shouldStoreDatesInUtcAndLeaveOutWhatIsNotADate(String text, String expected) {
    assertThat(UserTaskDates.iso(text)).isEqualTo(java.util.Optional.ofNullable(expected));
  }
}
