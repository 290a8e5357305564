package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.workload.shape.MultiInstance;
import dev.sightline.probe.workload.shape.ProcessChain;
import dev.sightline.probe.workload.shape.Shape;
import dev.sightline.probe.workload.shape.Step;
import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code elementInstancePath}, {@code processDefinitionPath} and {@code callingElementPath}: filled
 * on every ELEMENT_ACTIVATING (and incident) consistently with the element's ancestors, empty on
 * every other record.
 */
class TreeFieldsTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  /**
   * root → (call "z-call" to middle, which loops a call "call-leaf" to leaf twice) → (call "a-call"
   * to leaf).
   */
  private static final Shape THREE_LEVELS;

  static {
    var leaf =
        ProcessChain.chain(
            "leaf", "leaf-start", "leaf-end", Step.ServiceTask.of("leaf-task", "leaf-work"));
    var middle =
        ProcessChain.chain(
            "middle",
            "middle-start",
            "middle-end",
            Step.CallActivity.of("call-leaf", "leaf")
                .looping(
                    MultiInstance.parallel(
                        "=[1,2]", "n", List.of(VariableValue.of(1), VariableValue.of(2)))));
    var root =
        ProcessChain.chain(
            "root",
            "root-start",
            "root-end",
            Step.CallActivity.of("z-call", "middle"),
            Step.CallActivity.of("a-call", "leaf"));
    THREE_LEVELS = new Shape("three-levels", List.of(leaf, middle, root), "root", Map.of());
  }

  private static List<Record<?>> records(Shape shape) {
    var spec =
        WorkloadSpec.defaults()
            .withShape(shape)
            .withRate(10)
            .withPartitions(2)
            .withDuration(Duration.ofSeconds(1), Duration.ZERO)
            .withIncidents(0.5, Duration.ofMillis(100));
    var workload = Workload.of(spec, START);
    return java.util.stream.IntStream.rangeClosed(1, 2).boxed().flatMap(workload::stream).toList();
  }

  @Test
  void shouldFillTheTreeFieldsOfEveryElementActivatingFromItsAncestors() {
    // given
    var records = records(THREE_LEVELS);
    Map<Long, ProcessInstanceRecordValue> activating = new HashMap<>();
    records.stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING)
        .forEach(r -> activating.put(r.getKey(), (ProcessInstanceRecordValue) r.getValue()));

    // when / then
    assertThat(activating).hasSizeGreaterThan(100);
    activating.forEach(
        (key, value) -> {
          List<List<Long>> path = value.getElementInstancePath();
          int level = path.size() - 1;
          List<Long> own = path.get(level);
          assertThat(own.getLast()).as("ends with the element's key").isEqualTo(key);
          assertThat(own.getFirst())
              .as("starts with its process instance")
              .isEqualTo(value.getProcessInstanceKey());
          assertThat(value.getProcessDefinitionPath()).hasSize(path.size());
          assertThat(value.getProcessDefinitionPath().getLast())
              .isEqualTo(value.getProcessDefinitionKey());
          assertThat(value.getCallingElementPath()).hasSize(level);
          if (value.getFlowScopeKey() != -1) {
            var scope = activating.get(value.getFlowScopeKey()).getElementInstancePath();
            assertThat(path).as("the flow scope's path, extended").isEqualTo(extended(scope, key));
          }
          if (value.getParentElementInstanceKey() != -1) {
            var caller = activating.get(value.getParentElementInstanceKey());
            assertThat(path.subList(0, level))
                .as("the calling element's path")
                .isEqualTo(caller.getElementInstancePath());
            assertThat(value.getProcessDefinitionPath().subList(0, level))
                .isEqualTo(caller.getProcessDefinitionPath());
            assertThat(value.getCallingElementPath().getLast())
                .as(
                    "index of %s among the caller's call activities sorted by id",
                    caller.getElementId())
                .isEqualTo(
                    Map.of("a-call", 0, "z-call", 1, "call-leaf", 0).get(caller.getElementId()));
          }
        });
  }

  @Test
  void shouldLeaveTheTreeFieldsEmptyOnEveryOtherProcessInstanceRecord() {
    // given / when
    var records = records(THREE_LEVELS);

    // then
    assertThat(records)
        .filteredOn(r -> r.getValue() instanceof ProcessInstanceRecordValue)
        .filteredOn(r -> r.getIntent() != ProcessInstanceIntent.ELEMENT_ACTIVATING)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              var value = (ProcessInstanceRecordValue) r.getValue();
              assertThat(value.getElementInstancePath()).isEmpty();
              assertThat(value.getProcessDefinitionPath()).isEmpty();
              assertThat(value.getCallingElementPath()).isEmpty();
            });
  }

  @Test
  void shouldGiveAnIncidentTheTreeFieldsOfItsElement() {
    // given / when
    var records = records(THREE_LEVELS);
    Map<Long, ProcessInstanceRecordValue> activating = new HashMap<>();
    records.stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING)
        .forEach(r -> activating.put(r.getKey(), (ProcessInstanceRecordValue) r.getValue()));

    // then
    assertThat(records)
        .filteredOn(r -> r.getIntent() == IncidentIntent.CREATED)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              var incident = (IncidentRecordValue) r.getValue();
              var element = activating.get(incident.getElementInstanceKey());
              assertThat(incident.getElementInstancePath())
                  .isEqualTo(element.getElementInstancePath());
              assertThat(incident.getProcessDefinitionPath())
                  .isEqualTo(element.getProcessDefinitionPath());
              assertThat(incident.getCallingElementPath())
                  .isEqualTo(element.getCallingElementPath());
            });
  }

  private static List<List<Long>> extended(List<List<Long>> scopePath, long key) {
    var copy = new java.util.ArrayList<>(scopePath);
    var last = new java.util.ArrayList<>(copy.removeLast());
    last.add(key);
    copy.add(last);
    return copy;
  }
}
