package dev.sightline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs that break naive exporters, against a real node: none may stall the partition or vanish
 * unnoticed.
 */
@RealEngines
class HostileInputsIT {

  static final long START_MILLIS = 1_795_000_000_000L;

  record Run(TestController controller, CapturingLogger log) {}

  static Run export(EngineTarget es, Map<String, Object> extraArgs, List<Record<?>> records) {
    return export(es, extraArgs, records, START_MILLIS, () -> {});
  }

  /**
   * Opens an exporter on virtual time starting at {@code startMillis}, runs {@code afterOpen},
   * exports the records, lets 5 s pass (flushes and retries) and closes it.
   */
  static Run export(
      EngineTarget es,
      Map<String, Object> extraArgs,
      List<Record<?>> records,
      long startMillis,
      Runnable afterOpen) {
    var args = new java.util.HashMap<String, Object>(extraArgs);
    args.put("connect.url", es.url().toString());
    args.put("index.prefix", es.indexPrefix());
    var clock = new VirtualClock(startMillis);
    var controller = new TestController(clock);
    var log = new CapturingLogger();
    // no two-hop importers here: nothing to wait for
    var exporter = new SightlineExporter(StoreFactory.ELASTICSEARCH);
    exporter.configure(ExporterHarness.context(args, 1, clock, log));
    exporter.open(controller);
    afterOpen.run();
    records.forEach(exporter::export);
    Await.advanceUntilAcknowledged(
        controller, records.getLast().getPosition(), Duration.ofSeconds(5));
    exporter.close();
    return new Run(controller, log);
  }

  private static List<Record<?>> scenario() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  @Test
  void shouldDeadLetterDocumentsTheNodeRejectsAndKeepTheRest(EngineTarget es) throws Exception {
    try (var client = EngineClient.open(es.url())) {
      // given someone created the flow-node index with a conflicting mapping (elementId as a long)
      client.createIndex(
          es.index("flow-node-instance-v2"),
          "{\"mappings\":{\"properties\":{\"elementId\":{\"type\":\"long\"}}}}");
      var records = scenario();

      // when
      var run = export(es, Map.of(), records);

      // then the partition moved on, process instances are written, and every flow node is a dead
      // letter
      assertThat(run.controller().getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
      client.refresh(es.indexPrefix() + "-*");
      assertThat(client.count(es.index("process-instance-v2"))).isEqualTo(2);
      assertThat(client.count(es.index("dead-letter-v1"))).isEqualTo(7);
      assertThat(
              run.log().lines().stream()
                  .filter(line -> line.contains("rejected a document for good")))
          .as("one log line per kind of error, not one per document")
          .hasSize(1);

      // and the values Elasticsearch quotes in its reasons are in neither the log nor the letters
      var letters = client.search(es.index("dead-letter-v1"));
      assertThat(letters)
          .isNotEmpty()
          .allSatisfy(
              hit ->
                  assertThat((String) hit.source().get("reason"))
                      .contains("Preview of field's value: (value omitted)"));
      assertThat(run.log().all()).doesNotContain("Preview of field's value: '");
    }
  }

  @Test
  void shouldDeadLetterDocumentsWithIdsNearTheLimitUnderBoundedIds(EngineTarget es)
      throws Exception {
    try (var client = EngineClient.open(es.url())) {
      // given a variable index created by hand where names are numbers, and a variable whose
      // name makes its id just under Elasticsearch's 512 bytes
      client.createIndex(
          es.index("variable-v1"),
          "{\"mappings\":{\"properties\":{\"name\":{\"type\":\"long\"}}}}");
      var engine = new EngineRecords(new RecordFactory(1), true, START_MILLIS);
      var instance =
          engine.startRoot(
              engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel()),
              ProcessScenario.PARENT);
      engine.variable(VariableIntent.CREATED, instance, instance.key(), "n".repeat(480), "1");
      var records = engine.drain();

      // when
      var run = export(es, Map.of(), records);

      // then the dead letter was written and the partition moved on
      assertThat(run.controller().getLastExportedRecordPosition())
          .as(run.log().all())
          .isEqualTo(records.getLast().getPosition());
      client.refresh(es.index("dead-letter-v1"));
      var letters = client.search(es.index("dead-letter-v1"));
      assertThat(letters)
          .singleElement()
          .satisfies(
              hit -> {
                assertThat(hit.id()).hasSize(64);
                assertThat(hit.source()).containsEntry("errorType", es.documentParsingError());
              });
    }
  }

  @Test
  void shouldOverwriteDeadLettersWhenTheRecordsAreReplayed(EngineTarget es) throws Exception {
    try (var client = EngineClient.open(es.url())) {
      // given a process-definition index created by hand where versions are booleans
      client.createIndex(
          es.index("process-definition-v1"),
          "{\"mappings\":{\"properties\":{\"version\":{\"type\":\"boolean\"}}}}");
      var deployment = new ProcessScenario(new RecordFactory(1), true, START_MILLIS).deploy();

      // when the deployment is exported, then replayed an hour later (a restart)
      for (var hour = 0; hour < 2; hour++) {
        var run =
            export(
                es,
                Map.of(),
                deployment,
                START_MILLIS + Duration.ofHours(hour).toMillis(),
                () -> {});
        assertThat(run.controller().getLastExportedRecordPosition())
            .as(run.log().all())
            .isEqualTo(deployment.getLast().getPosition());
      }

      // then one dead letter per rejected definition, not one per replay
      client.refresh(es.index("dead-letter-v1"));
      assertThat(client.count(es.index("dead-letter-v1"))).isEqualTo(2);
    }
  }

  @Test
  void shouldAcknowledgeNothingFromTheFirstRejectedDocumentOnUnderTheBlockPolicy(EngineTarget es)
      throws Exception {
    try (var client = EngineClient.open(es.url())) {
      // given the flow-node index with a conflicting mapping (elementId as a long)
      client.createIndex(
          es.index("flow-node-instance-v2"),
          "{\"mappings\":{\"properties\":{\"elementId\":{\"type\":\"long\"}}}}");

      var records = scenario();
      var firstFlowNode =
          records.stream()
              .filter(
                  r ->
                      r.getValue() instanceof ProcessInstanceRecordValue value
                          && value.getBpmnElementType() != BpmnElementType.PROCESS)
              .findFirst()
              .orElseThrow()
              .getPosition();

      // when
      var run = export(es, Map.of("errors.onRejected", "block"), records);

      // then the records before the first flow node may be durable (their bulks went before), but
      // nothing from it on is acknowledged: the partition waits for an operator
      assertThat(run.controller().acknowledgements())
          .allMatch(position -> position < firstFlowNode);
      assertThat(run.log().all()).contains(es.documentParsingError());
    }
  }

  @Test
  void shouldStoreATreePathOfAThousandCallLevelsWithoutRejection(EngineTarget es) throws Exception {
    // given a process instance 1,000 call levels deep: its treePath is far over Lucene's 32 KB term
    // limit
    var factory = new RecordFactory(1);
    var instancePath = new ArrayList<List<Long>>();
    var definitionPath = new ArrayList<Long>();
    var calling = new ArrayList<Integer>();
    for (int level = 0; level < 999; level++) {
      instancePath.add(List.of(factory.nextKey(), factory.nextKey()));
      definitionPath.add(42L);
      calling.add(0);
    }
    var key = factory.nextKey();
    instancePath.add(List.of(key));
    definitionPath.add(42L);
    var value =
        ImmutableProcessInstanceRecordValue.builder()
            .withProcessInstanceKey(key)
            .withBpmnElementType(BpmnElementType.PROCESS)
            .withBpmnProcessId("deep")
            .withElementId("deep")
            .withProcessDefinitionKey(42)
            .withVersion(1)
            .withTenantId("<default>")
            .withElementInstancePath(instancePath)
            .withProcessDefinitionPath(definitionPath)
            .withCallingElementPath(calling)
            .build();
    var record =
        factory.event(
            ValueType.PROCESS_INSTANCE,
            ProcessInstanceIntent.ELEMENT_ACTIVATING,
            key,
            value,
            1_795_000_000_000L);

    // when
    var run = export(es, Map.of(), List.of(record));

    // then the document is there with its whole path in the source
    assertThat(run.controller().getLastExportedRecordPosition())
        .as(run.log().all())
        .isEqualTo(record.getPosition());
    try (var client = EngineClient.open(es.url())) {
      var document = client.get(es.index("process-instance-v2"), Long.toString(key)).orElseThrow();
      assertThat(((String) document.get("treePath")).length()).isGreaterThan(32 * 1024);
    }
  }

  @Test
  void shouldWriteLoneSurrogatesAndReplacementCharactersInNamesAndValues(EngineTarget es)
      throws Exception {
    // given ids with a lone high surrogate, a lone low surrogate, U+FFFD and an emoji
    var factory = new RecordFactory(1);
    var key = factory.nextKey();
    var hostile = "proc-\uD800-\uDC00-\uFFFD-\uD83D\uDE00";
    var value =
        ImmutableProcessInstanceRecordValue.builder()
            .withProcessInstanceKey(key)
            .withBpmnElementType(BpmnElementType.PROCESS)
            .withBpmnProcessId(hostile)
            .withElementId(hostile)
            .withProcessDefinitionKey(7)
            .withVersion(1)
            .withTenantId(hostile)
            .build();
    var record =
        factory.event(
            ValueType.PROCESS_INSTANCE,
            ProcessInstanceIntent.ELEMENT_ACTIVATING,
            key,
            value,
            1_795_000_000_000L);

    // when
    var run = export(es, Map.of(), List.of(record));

    // then it is written (lone surrogates become U+FFFD on the way through UTF-8), and nothing was
    // dead-lettered
    assertThat(run.controller().getLastExportedRecordPosition())
        .as(run.log().all())
        .isEqualTo(record.getPosition());
    try (var client = EngineClient.open(es.url())) {
      var document = client.get(es.index("process-instance-v2"), Long.toString(key)).orElseThrow();
      assertThat((String) document.get("bpmnProcessId"))
          .startsWith("proc-")
          .endsWith("-\uD83D\uDE00");
      assertThat(
              client.exists(es.index("dead-letter-v1"))
                  ? client.count(es.index("dead-letter-v1"))
                  : 0)
          .isZero();
    }
  }
}
