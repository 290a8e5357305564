package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.probe.recordjson.CorpusFiles;
import dev.sightline.probe.recordjson.ReadResult;
import dev.sightline.probe.recordjson.RecordJsonReader;
import dev.sightline.probe.recordjson.RecordJsonWriter;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of the real-record corpus (see its PROVENANCE.md: real brokers 0.2x–8.8 and the real
 * 8.8 engine; the zdb prints in their own layout), in exporter form — read, written as {@code
 * record.toJson()} writes it, read back — through the exporter: no record throws, what no handler
 * reads is counted, and the documents of the 8.8 engine's processes are the ones a monitoring UI
 * needs.
 */
class CorpusExportTest {

  private static final String GENERATED_88 =
      "_generated__zeebe-process-test-engine/records-zeebe-8.8.0.ndjson";
  private static final Map<String, Object> ARGS =
      Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 100, "delay", "1s"));

  static Stream<String> files() {
    return CorpusFiles.all().stream();
  }

  /** The file's mapped records after a round trip through the exporter form. */
  private static List<Record<?>> exporterForm(String file) {
    var reader = new RecordJsonReader();
    var writer = new RecordJsonWriter();
    var records = new ArrayList<Record<?>>();
    for (var record : CorpusFiles.read(file).records()) {
      var readBack = reader.read(writer.write(record));
      assertThat(readBack)
          .as("%s at position %d", file, record.getPosition())
          .isInstanceOf(ReadResult.Mapped.class);
      records.add(((ReadResult.Mapped) readBack).record());
    }
    return records;
  }

  private static double skipped(ExporterHarness harness) {
    return harness
        .context
        .getMeterRegistry()
        .find("sightline.exporter.records.skipped")
        .counters()
        .stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldExportEveryRecordOfEveryFileWithoutFailing(String file) {
    // given every record, also those the broker's filter would keep from the exporter
    var records = exporterForm(file);
    var harness = new ExporterHarness(ARGS);
    var filtered = records.stream().filter(record -> !harness.accepted(record)).count();

    // when
    assertThatCode(
            () -> {
              records.forEach(harness.exporter::export);
              harness.advance(Duration.ofSeconds(1));
            })
        .doesNotThrowAnyException();

    // then what no handler reads (exactly what the filter refuses) was counted, the rest
    // acknowledged
    assertThat(skipped(harness)).isEqualTo(filtered);
    if (!records.isEmpty()) {
      assertThat(harness.controller.acknowledgements()).isNotEmpty();
    }
  }

  @Nested
  class Generated88 {

    private final List<Record<?>> records = exporterForm(GENERATED_88);
    private final ExporterHarness harness = new ExporterHarness(ARGS);
    private long exported = -1;

    /**
     * Exports the records after the last call's up to and including {@code position}, and flushes.
     */
    private void exportThrough(long position) {
      var from = exported;
      harness.export(
          records.stream()
              .filter(r -> r.getPosition() > from && r.getPosition() <= position)
              .toList());
      harness.advance(Duration.ofSeconds(1));
      exported = position;
    }

    private Map<String, Object> document(String index, long id) {
      var descriptor =
          ReadModelSchema.INDICES.stream()
              .filter(candidate -> candidate.name().equals(index))
              .findFirst()
              .orElseThrow();
      return new HashMap<>(harness.store.index(descriptor.indexName("t")).get(Long.toString(id)));
    }

    @Test
    void shouldWriteTheWholeLifecycleOfTheLeafInstance() {
      // when
      exportThrough(Long.MAX_VALUE);

      // then the leaf-process instance, its task, its job and its variables
      assertThat(document("process-instance", 2251799813685318L))
          .containsEntry("bpmnProcessId", "leaf-process")
          .containsEntry("state", "COMPLETED")
          .containsEntry("parentProcessInstanceKey", 2251799813685312L)
          .containsEntry("incident", false)
          .containsKeys("startDate", "endDate");
      assertThat(document("flow-node-instance", 2251799813685323L))
          .containsEntry("elementId", "leaf-task")
          .containsEntry("elementName", "leaf-task")
          .containsEntry("type", "SERVICE_TASK")
          .containsEntry("state", "COMPLETED");
      assertThat(document("job", 2251799813685324L))
          .containsEntry("type", "leaf-work")
          .containsEntry("worker", "gen-worker")
          .containsEntry("state", "COMPLETED")
          .containsEntry("elementInstanceKey", 2251799813685323L)
          .containsKeys("creationTime", "endTime", "deadline");
      var variables = harness.store.index("t-variable-v1");
      assertThat(variables.get("2251799813685318-orderId")).containsEntry("value", "\"order-42\"");
      assertThat(variables.get("2251799813685318-leafResult")).containsEntry("value", "\"ok\"");
      assertThat(variables.get("2251799813685418-loopCounter"))
          .as("created, then updated")
          .containsEntry("value", "2")
          .containsEntry("key", 2251799813685439L);
      assertThat(document("process-definition", 2251799813685295L))
          .containsEntry("bpmnProcessId", "leaf-process")
          .containsEntry("resourceName", "leaf.bpmn");
    }

    @Test
    void shouldWriteTheTreePathsOfTheThreeLevelCallChain() {
      // when
      exportThrough(Long.MAX_VALUE);

      // then
      var middlePath =
          "PI_2251799813685302/FN_call-middle/FNI_2251799813685311/PI_2251799813685312";
      assertThat(document("process-instance", 2251799813685302L))
          .containsEntry("treePath", "PI_2251799813685302");
      assertThat(document("process-instance", 2251799813685312L))
          .containsEntry("treePath", middlePath);
      assertThat(document("process-instance", 2251799813685318L))
          .containsEntry(
              "treePath", middlePath + "/FN_call-leaf/FNI_2251799813685317/PI_2251799813685318");
    }

    @Test
    void shouldFlagTheRootWhileTheIncidentInsideTheCalledChildIsOpen() {
      // given everything before the child's job ran out of retries
      exportThrough(367);
      assertThat(document("process-instance", 2251799813685382L)).containsEntry("incident", false);

      // when the JOB_NO_RETRIES incident is created in incident-child
      exportThrough(368);

      // then the incident, the child, its task, the calling call activity and the root are flagged
      assertThat(document("incident", 2251799813685393L))
          .containsEntry("errorType", "JOB_NO_RETRIES")
          .containsEntry("errorMessage", "simulated failure")
          .containsEntry("state", "ACTIVE")
          .containsEntry("jobKey", 2251799813685391L)
          .containsEntry(
              "treePath",
              "PI_2251799813685382/FN_call-incident-child/FNI_2251799813685386/PI_2251799813685387"
                  + "/FN_fail-task/FNI_2251799813685390")
          .containsEntry("processInstanceKeys", List.of(2251799813685382L, 2251799813685387L));
      assertThat(document("process-instance", 2251799813685382L))
          .as("incident-root")
          .containsEntry("incident", true);
      assertThat(document("process-instance", 2251799813685387L))
          .as("incident-child")
          .containsEntry("incident", true);
      assertThat(document("flow-node-instance", 2251799813685390L))
          .as("fail-task")
          .containsEntry("incident", true);
      assertThat(document("flow-node-instance", 2251799813685386L))
          .as("call activity")
          .containsEntry("incident", true);
      assertThat(document("job", 2251799813685391L))
          .containsEntry("state", "FAILED")
          .containsEntry("retries", 0);

      // when the retries are updated and the incident resolved
      exportThrough(372);

      // then every flag is cleared
      assertThat(document("incident", 2251799813685393L))
          .containsEntry("state", "RESOLVED")
          .containsKey("resolvedTime");
      assertThat(document("process-instance", 2251799813685382L)).containsEntry("incident", false);
      assertThat(document("process-instance", 2251799813685387L)).containsEntry("incident", false);
      assertThat(document("flow-node-instance", 2251799813685390L))
          .containsEntry("incident", false);
      assertThat(document("job", 2251799813685391L))
          .containsEntry("state", "RETRIES_UPDATED")
          .containsEntry("retries", 1);

      // and the root's own incident later comes and goes as well
      exportThrough(399);
      assertThat(document("process-instance", 2251799813685382L)).containsEntry("incident", true);
      exportThrough(Long.MAX_VALUE);
      assertThat(document("process-instance", 2251799813685382L))
          .containsEntry("incident", false)
          .containsEntry("state", "COMPLETED");
    }

    @Test
    void shouldEndACanceledInstanceCanceledAndItsElementsTerminated() {
      // when
      exportThrough(Long.MAX_VALUE);

      // then the two documents name the same end differently, as Operate does
      assertThat(document("process-instance", 2251799813685410L))
          .containsEntry("state", "CANCELED")
          .containsKey("endDate");
      assertThat(document("flow-node-instance", 2251799813685414L))
          .containsEntry("elementId", "zeebe-ut")
          .containsEntry("state", "TERMINATED")
          .containsKey("endDate");
    }

    @Test
    void shouldWriteTheUserTaskAssignedThenCanceled() {
      // when
      exportThrough(Long.MAX_VALUE);

      // then
      assertThat(document("user-task", 2251799813685415L))
          .containsEntry("elementId", "zeebe-ut")
          .containsEntry("name", "zeebe-ut")
          .containsEntry("assignee", "demo")
          .containsEntry("priority", 50)
          .containsEntry("state", "CANCELED")
          .containsEntry("processInstanceKey", 2251799813685410L)
          .containsKeys("creationDate", "completionDate");
      assertThat(document("process-instance", 2251799813685410L))
          .containsEntry("state", "CANCELED");
    }
  }

  @Test
  void shouldWriteTheSameIncidentFlagsFromAn85BrokersRecordsWithoutTreeFields() {
    // given the same processes run by an 8.5 engine: no tree fields on incidents or process
    // instances
    var file = "_generated__zeebe-process-test-engine/records-zeebe-8.5.0.ndjson";
    var records = exporterForm(file);
    var harness = new ExporterHarness(ARGS);
    var created =
        records.stream()
            .filter(
                r ->
                    r.getValueType().name().equals("INCIDENT")
                        && r.getIntent().name().equals("CREATED"))
            .findFirst()
            .orElseThrow();
    var childIncident =
        (io.camunda.zeebe.protocol.record.value.IncidentRecordValue) created.getValue();

    // when everything up to the child's incident is exported
    harness.export(records.stream().filter(r -> r.getPosition() <= created.getPosition()).toList());
    harness.advance(Duration.ofSeconds(1));

    // then the root, found through the child's parent links, is flagged
    var child =
        harness
            .store
            .index("t-process-instance-v2")
            .get(Long.toString(childIncident.getProcessInstanceKey()));
    var root =
        harness
            .store
            .index("t-process-instance-v2")
            .get(String.valueOf(child.get("parentProcessInstanceKey")));
    assertThat(childIncident.getElementInstancePath()).isEmpty();
    assertThat(child).containsEntry("incident", true);
    assertThat(root)
        .containsEntry("bpmnProcessId", "incident-root")
        .containsEntry("incident", true);
    assertThat(
            harness
                .store
                .index("t-incident-v1")
                .get(Long.toString(created.getKey()))
                .get("treePath"))
        .asString()
        .startsWith("PI_" + root.get("key") + "/FN_call-incident-child/FNI_");
  }
}
