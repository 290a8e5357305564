package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.EngineRecords.Element;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobHandlerTest {

  private static final String JOBS = "t-job-v1";
  private static final long DEADLINE = ExporterHarness.START_MILLIS + 300_000;

  private final ExporterHarness harness =
      new ExporterHarness(
          Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 1000, "delay", "1s")));
  private final EngineRecords engine =
      new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
  private final Element task;

  JobHandlerTest() {
    var definition = engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel());
    var instance = engine.startRoot(definition, ProcessScenario.PARENT);
    task = engine.activate(instance, "parent-task", BpmnElementType.SERVICE_TASK);
  }

  private Map<String, Object> job(long key) {
    harness.export(engine.drain());
    harness.advance(Duration.ofSeconds(1));
    return new HashMap<>(
        harness.store.index(JOBS).get(Long.toString(key))); // a snapshot: later flushes change it
  }

  @Test
  void shouldWriteACreatedJobWithEverythingItIsCreatedWith() {
    // given
    var key = engine.jobCreated(task, "work", Map.of("region", "eu", "retries.note", "x"));

    // when / then
    assertThat(job(key))
        .containsEntry("key", key)
        .containsEntry("type", "work")
        .containsEntry("state", "CREATED")
        .containsEntry("retries", 3)
        .containsEntry("customHeaders", Map.of("region", "eu", "retries.note", "x"))
        .containsEntry("jobKind", "BPMN_ELEMENT")
        .containsEntry("processInstanceKey", task.instance().key())
        .containsEntry("processDefinitionKey", task.instance().definitionKey())
        .containsEntry("bpmnProcessId", ProcessScenario.PARENT)
        .containsEntry("elementInstanceKey", task.key())
        .containsEntry("elementId", "parent-task")
        .containsEntry("tenantId", EngineRecords.TENANT)
        .containsEntry("partitionId", 1)
        .containsKey("creationTime")
        .doesNotContainKeys("worker", "deadline", "errorMessage", "errorCode", "endTime");
  }

  @Test
  void shouldFollowAJobThroughFailureRetriesAndCompletion() {
    // given
    var key = engine.jobCreated(task, "work", Map.of());
    engine.jobEvent(
        key,
        JobIntent.FAILED,
        v -> v.withWorker("w1").withRetries(0).withDeadline(DEADLINE).withErrorMessage("boom"));
    var afterFailure = job(key);
    engine.jobEvent(key, JobIntent.RETRIES_UPDATED, v -> v.withRetries(2));
    var afterRetries = job(key);

    // when
    var completed = engine.jobEvent(key, JobIntent.COMPLETED, v -> v.withWorker("w2"));
    var done = job(key);

    // then
    assertThat(afterFailure)
        .containsEntry("state", "FAILED")
        .containsEntry("retries", 0)
        .containsEntry("worker", "w1")
        .containsEntry("errorMessage", "boom")
        .containsEntry("deadline", Dates.iso(DEADLINE));
    assertThat(afterRetries).containsEntry("state", "RETRIES_UPDATED").containsEntry("retries", 2);
    assertThat(done)
        .containsEntry("state", "COMPLETED")
        .containsEntry("worker", "w2")
        .containsEntry("errorMessage", "boom")
        .containsEntry("endTime", Dates.iso(completed.getTimestamp()))
        .containsEntry("position", completed.getPosition());
  }

  @ParameterizedTest
  @EnumSource(
      value = JobIntent.class,
      names = {"TIMED_OUT", "CANCELED", "ERROR_THROWN", "RECURRED_AFTER_BACKOFF", "YIELDED"})
  void shouldRecordTheLifecycleEventAsTheState(JobIntent intent) {
    // given
    var key = engine.jobCreated(task, "work", Map.of());
    engine.jobEvent(
        key, intent, v -> v.withErrorCode(intent == JobIntent.ERROR_THROWN ? "E42" : ""));

    // when
    var document = job(key);

    // then
    assertThat(document).containsEntry("state", intent.name());
    assertThat(document.containsKey("endTime")).isEqualTo(intent == JobIntent.CANCELED);
    assertThat(document.containsKey("errorCode")).isEqualTo(intent == JobIntent.ERROR_THROWN);
  }

  @ParameterizedTest
  @EnumSource(
      value = JobIntent.class,
      names = {"MIGRATED", "UPDATED", "TIMEOUT_UPDATED"})
  void shouldChangeOtherFieldsButNotTheState(JobIntent intent) {
    // given
    var key = engine.jobCreated(task, "work", Map.of("h", "1"));
    engine.jobEvent(
        key,
        intent,
        v ->
            v.withElementId("task-v2")
                .withProcessDefinitionKey(555)
                .withRetries(7)
                .withDeadline(DEADLINE));

    // when
    var document = job(key);

    // then
    assertThat(document)
        .containsEntry("state", "CREATED")
        .containsEntry("elementId", "task-v2")
        .containsEntry("processDefinitionKey", 555L)
        .containsEntry("retries", 7)
        .containsEntry("deadline", Dates.iso(DEADLINE))
        .containsEntry("customHeaders", Map.of("h", "1"));
  }
}
