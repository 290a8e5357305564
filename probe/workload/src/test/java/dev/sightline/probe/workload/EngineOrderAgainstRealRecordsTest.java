package dev.sightline.probe.workload;

import static dev.sightline.probe.workload.RealRecords.between;
import static dev.sightline.probe.workload.RealRecords.is;
import static dev.sightline.probe.workload.RealRecords.isElement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.probe.workload.shape.MultiInstance;
import dev.sightline.probe.workload.shape.ProcessChain;
import dev.sightline.probe.workload.shape.Shape;
import dev.sightline.probe.workload.shape.Step;
import dev.sightline.probe.workload.shape.VariableValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For models equivalent to instances in the real 8.8.0 records, the generator writes the same
 * records in the same order: (value type, record type, intent, element type) per record and, where
 * the worker completes jobs in the same order, the same pattern of keys and source positions (keys
 * allocated in the engine's order, follow-ups pointing at the same commands).
 */
class EngineOrderAgainstRealRecordsTest {

  private static final List<String> SEQ_MI_CALL_PROCESSES = List.of("leaf-process", "seq-mi-call");

  @Test
  void shouldWriteTheRecordsOfASequentialMultiInstanceCallActivityAsTheEngine() {
    // given
    var leaf = leafProcess("seq");
    var root =
        ProcessChain.chain(
            "seq-mi-call",
            "start",
            "end",
            Step.CallActivity.of("mi-call-leaf", "leaf-process")
                .looping(
                    MultiInstance.sequential(
                        "=[1,2]", "n", List.of(VariableValue.of(1), VariableValue.of(2)))));
    var shape = new Shape("seq-mi-call", List.of(leaf, root), "seq-mi-call", Map.of());
    List<JsonNode> real =
        between(
            RealRecords.all(),
            r ->
                is(r, "PROCESS_INSTANCE_CREATION", "COMMAND", "CREATE")
                    && bpmnProcessId(r).equals("seq-mi-call"),
            r -> isElement(r, "ELEMENT_COMPLETED", "seq-mi-call"));

    // when
    List<JsonNode> generated =
        between(
            oneInstance(shape, 0),
            r -> is(r, "PROCESS_INSTANCE_CREATION", "COMMAND", "CREATE"),
            r -> isElement(r, "ELEMENT_COMPLETED", "seq-mi-call"));

    // then
    assertThat(steps(generated)).containsExactlyElementsOf(steps(real));
    assertThat(links(generated))
        .as("keys and source positions")
        .containsExactlyElementsOf(links(real));
    assertThat(variables(generated))
        .as("variables per step")
        .containsExactlyElementsOf(variables(real));
    assertThat(normalized(generated)).as("values").containsExactlyElementsOf(normalized(real));
    assertThat(real).as("the real instance").hasSize(124);
  }

  @Test
  void shouldWriteAJobIncidentAndItsResolutionAsTheEngine() {
    // given: the real instance continues with an expression incident the workload does not model,
    // so the
    // comparison stops at the flow leaving the call activity
    var child =
        ProcessChain.chain(
            "incident-child",
            "child-start",
            "child-end",
            Step.ServiceTask.of("fail-task", "fail-work"));
    var root =
        ProcessChain.chain(
            "incident-root",
            "start",
            "end",
            Step.CallActivity.of("call-incident-child", "incident-child"));
    var shape = new Shape("incident", List.of(child, root), "incident-root", Map.of());
    List<JsonNode> real =
        between(
            RealRecords.all(),
            r ->
                is(r, "PROCESS_INSTANCE_CREATION", "COMMAND", "CREATE")
                    && bpmnProcessId(r).equals("incident-root"),
            RealRecordsTestSupport.flowAfterCompleted("call-incident-child"));

    // when
    List<JsonNode> generated =
        between(
            oneInstance(shape, 1.0),
            r -> is(r, "PROCESS_INSTANCE_CREATION", "COMMAND", "CREATE"),
            RealRecordsTestSupport.flowAfterCompleted("call-incident-child"));

    // then
    assertThat(steps(generated)).containsExactlyElementsOf(steps(real));
    assertThat(links(generated))
        .as("keys and source positions")
        .containsExactlyElementsOf(links(real));
    assertThat(variables(generated))
        .as("variables per step")
        .containsExactlyElementsOf(variables(real));
    assertThat(normalized(generated)).as("values").containsExactlyElementsOf(normalized(real));
    assertThat(steps(real))
        .contains("INCIDENT EVENT CREATED", "INCIDENT EVENT RESOLVED", "JOB EVENT RETRIES_UPDATED");
  }

  @Test
  void shouldActivateAndCompleteAParallelMultiInstanceActivityAsTheEngine() {
    // given: the real worker completed the three jobs in the order 3, 1, 2, so only the steps
    // compare
    var items = List.of(VariableValue.of("a"), VariableValue.of("b"), VariableValue.of("c"));
    var root =
        ProcessChain.chain(
            "mi-root",
            "start",
            "end",
            Step.ServiceTask.of("mi-task", "mi-work")
                .completingWith(Map.of("miDone", VariableValue.of(true)))
                .looping(MultiInstance.parallel("=items", "item", items)));
    var shape =
        new Shape(
            "mi",
            List.of(root),
            "mi-root",
            Map.of(
                "items", VariableValue.of(items.stream().map(VariableValue::document).toList())));
    var body =
        (java.util.function.Predicate<JsonNode>)
            r ->
                is(r, "PROCESS_INSTANCE", "COMMAND", "ACTIVATE_ELEMENT")
                    && r.at("/value/bpmnElementType").asText().equals("MULTI_INSTANCE_BODY");
    List<JsonNode> real =
        between(RealRecords.all(), body, RealRecordsTestSupport.flowAfterCompleted("mi-task"));

    // when
    List<JsonNode> generated =
        between(oneInstance(shape, 0), body, RealRecordsTestSupport.flowAfterCompleted("mi-task"));

    // then
    assertThat(steps(generated)).containsExactlyElementsOf(steps(real));
    assertThat(variables(generated))
        .as("variables per step")
        .containsExactlyElementsOf(variables(real));
    assertThat(steps(real))
        .contains(
            "PROCESS_INSTANCE_BATCH COMMAND ACTIVATE", "PROCESS_INSTANCE_BATCH EVENT ACTIVATED");
  }

  private static ProcessChain leafProcess(String result) {
    return ProcessChain.chain(
        "leaf-process",
        "leaf-start",
        "leaf-end",
        Step.ServiceTask.of("leaf-task", "leaf-work")
            .completingWith(Map.of("leafResult", VariableValue.of(result))));
  }

  /** The partition-1 records of a workload that starts exactly one instance of the shape. */
  private static List<JsonNode> oneInstance(Shape shape, double incidentRate) {
    var spec =
        WorkloadSpec.defaults()
            .withShape(shape)
            .withPartitions(1)
            .withRate(1)
            .withDuration(Duration.ofMillis(500), Duration.ZERO)
            .withPayloadBytes(0)
            .withIncidents(incidentRate, Duration.ofSeconds(1));
    return RealRecords.json(
        Workload.of(spec, Instant.parse("2026-01-01T00:00:00Z")).stream(1).toList());
  }

  private static String bpmnProcessId(JsonNode record) {
    return record.at("/value/bpmnProcessId").asText();
  }

  /**
   * Per record: value type, record type, intent and, for process instance records, the element
   * type.
   */
  static List<String> steps(List<JsonNode> records) {
    return records.stream()
        .map(
            r ->
                String.join(
                        " ",
                        r.get("valueType").asText(),
                        r.get("recordType").asText(),
                        r.get("intent").asText(),
                        r.at("/value/bpmnElementType").asText(""))
                    .strip())
        .toList();
  }

  /**
   * Per record: its key as the index of the first record with that key ("-" for -1), and its source
   * as the index of the record at that position ("-" for none): equal lists mean keys were
   * allocated and commands caused records in the same pattern. Variables are left out here (see
   * {@link #variables}).
   */
  static List<String> links(List<JsonNode> records) {
    Map<Long, Integer> firstWithKey = firstIndexOfKeys(records);
    Map<Long, Integer> indexOfPosition = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      indexOfPosition.put(records.get(i).get("position").asLong(), i);
    }
    return records.stream()
        .map(
            r -> {
              if (r.get("valueType").asText().equals("VARIABLE")) {
                return "variable";
              }
              long key = r.get("key").asLong();
              long source = r.get("sourceRecordPosition").asLong();
              return "key "
                  + (key == -1 ? "-" : firstWithKey.get(key))
                  + " source "
                  + (source == -1 ? "-" : indexOfPosition.getOrDefault(source, -99));
            })
        .toList();
  }

  /** Fields that differ by choice of the client or the clock, not by engine behaviour. */
  private static final java.util.Set<String> CLIENT_FIELDS =
      java.util.Set.of(
          "position",
          "sourceRecordPosition",
          "timestamp",
          "deadline",
          "worker",
          "maxJobsToActivate");

  /**
   * Every record but the variables (compared by {@link #variables}) as JSON text with the client's
   * and the clock's fields left out, keys (numbers with partition bits) numbered in order of first
   * appearance, and the ids of events and flows (which only name the BPMN) left out.
   */
  static List<String> normalized(List<JsonNode> records) {
    Map<Long, Integer> keys = new HashMap<>();
    return records.stream()
        .filter(r -> !r.get("valueType").asText().equals("VARIABLE"))
        .map(
            r -> {
              var copy = r.deepCopy();
              if (java.util.Set.of("START_EVENT", "END_EVENT", "SEQUENCE_FLOW")
                  .contains(r.at("/value/bpmnElementType").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("value"))
                    .remove("elementId");
              }
              return normalize(copy, keys).toString();
            })
        .toList();
  }

  private static JsonNode normalize(JsonNode node, Map<Long, Integer> keys) {
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    if (node.isObject()) {
      var object = json.objectNode();
      node.properties().stream()
          .filter(field -> !CLIENT_FIELDS.contains(field.getKey()))
          .sorted(Map.Entry.comparingByKey())
          .forEach(field -> object.set(field.getKey(), normalize(field.getValue(), keys)));
      return object;
    }
    if (node.isArray()) {
      var array = json.arrayNode();
      node.forEach(element -> array.add(normalize(element, keys)));
      return array;
    }
    if (node.isIntegralNumber() && node.asLong() >= 1L << 51) {
      return json.textNode("key#" + keys.computeIfAbsent(node.asLong(), k -> keys.size()));
    }
    return node;
  }

  /**
   * Each run of consecutive VARIABLE records as the sorted set of (intent, name, value, scope as
   * the index of the first record with its key). The engine orders the variables of one run by a
   * hash of their byte offsets in a document (see docs/workload.md), so only the set is compared.
   */
  static List<List<String>> variables(List<JsonNode> records) {
    Map<Long, Integer> firstWithKey = firstIndexOfKeys(records);
    var runs = new java.util.ArrayList<List<String>>();
    List<String> run = null;
    for (JsonNode r : records) {
      if (!r.get("valueType").asText().equals("VARIABLE")) {
        run = null;
        continue;
      }
      if (run == null) {
        run = new java.util.ArrayList<>();
        runs.add(run);
      }
      run.add(
          "%s %s=%s in %s"
              .formatted(
                  r.get("intent").asText(),
                  r.at("/value/name").asText(),
                  r.at("/value/value").asText(),
                  firstWithKey.get(r.at("/value/scopeKey").asLong())));
    }
    runs.forEach(java.util.Collections::sort);
    return runs;
  }

  private static Map<Long, Integer> firstIndexOfKeys(List<JsonNode> records) {
    Map<Long, Integer> firstWithKey = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      firstWithKey.putIfAbsent(records.get(i).get("key").asLong(), i);
    }
    return firstWithKey;
  }
}
