package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process-definition documents, and the definitions other handlers read: local cache, then the
 * index.
 */
class ProcessDefinitionTest {

  private static final Map<String, Object> ARGS =
      Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 1000, "delay", "1s"));
  private static final String DEFINITIONS = "t-process-definition-v1";
  private static final String PI = "t-process-instance-v2";
  private static final String FNI = "t-flow-node-instance-v2";

  private static void flush(ExporterHarness harness, EngineRecords engine) {
    harness.export(engine.drain());
    harness.advance(Duration.ofSeconds(1));
  }

  @Test
  void shouldWriteTheDefinitionWithItsXmlNamesAndSortedCallActivities() {
    // given
    var harness = new ExporterHarness(ARGS);
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);

    // when
    var key = engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel());
    flush(harness, engine);

    // then
    var document = harness.store.index(DEFINITIONS).get(Long.toString(key));
    assertThat(document)
        .containsEntry("key", key)
        .containsEntry("bpmnProcessId", ProcessScenario.PARENT)
        .containsEntry("version", 1)
        .containsEntry("name", "Parent process")
        .containsEntry("resourceName", "parent-process.bpmn")
        .containsEntry("callActivityIds", List.of("call-child"))
        .containsEntry("tenantId", EngineRecords.TENANT)
        .doesNotContainKeys("versionTag", "partitionId", "position");
    assertThat(document.get("bpmnXml")).asString().startsWith("<?xml").contains("call-child");
    assertThat(document.get("elementNames"))
        .isEqualTo(
            Map.of(
                "parent-start", "parent-start",
                "parent-task", "parent-task",
                "call-child", "call-child",
                "parent-end", "parent-end"));
  }

  @Test
  void shouldNameInstancesAndFlowNodesFromTheDefinition() {
    // given
    var harness = new ExporterHarness(ARGS);
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var definition = engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel());

    // when
    var instance = engine.startRoot(definition, ProcessScenario.PARENT);
    var task = engine.activate(instance, "parent-task", BpmnElementType.SERVICE_TASK);
    flush(harness, engine);

    // then
    assertThat(harness.store.index(PI).get(Long.toString(instance.key())))
        .containsEntry("processName", "Parent process");
    assertThat(harness.store.index(FNI).get(Long.toString(task.key())))
        .containsEntry("elementName", "parent-task");
  }

  @Test
  void shouldRenameMigratedInstancesAndElementsAndClearNamesOfUnknownDefinitions() {
    // given an instance of the parent process with a running task
    var harness = new ExporterHarness(ARGS);
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var definition = engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel());
    var target = engine.deploy(ProcessScenario.CHILD, ProcessScenario.childModel());
    var instance = engine.startRoot(definition, ProcessScenario.PARENT);
    var task = engine.activate(instance, "parent-task", BpmnElementType.SERVICE_TASK);
    flush(harness, engine);

    // when the instance migrates to a known definition and the task to an element of an unknown one
    engine.migrated(instance, target, ProcessScenario.CHILD);
    engine.migrated(task, 999, "unknown", "task-v2");
    flush(harness, engine);

    // then
    assertThat(harness.store.index(PI).get(Long.toString(instance.key())))
        .containsEntry("processDefinitionKey", target)
        .containsEntry("bpmnProcessId", ProcessScenario.CHILD)
        .containsEntry("processName", "Child process");
    assertThat(harness.store.index(FNI).get(Long.toString(task.key())))
        .containsEntry("elementId", "task-v2")
        .containsEntry("elementName", null);
  }

  @Test
  void shouldFindADefinitionAnotherPartitionDeployedThroughTheIndex() {
    // given partition 1 deployed both processes into a shared store
    var store = new InMemoryStore();
    var clock = new VirtualClock(ExporterHarness.START_MILLIS);
    var partition1 = new ExporterHarness(ARGS, clock, store, 1);
    var deployer = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var parentDefinition = deployer.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel());
    var childDefinition = deployer.deploy(ProcessScenario.CHILD, ProcessScenario.childModel());
    flush(partition1, deployer);

    // when partition 2, which never saw the deployment, runs a parent calling a child
    var partition2 = new ExporterHarness(ARGS, clock, store, 2);
    var engine = new EngineRecords(new RecordFactory(2), true, ExporterHarness.START_MILLIS);
    var parent = engine.startRoot(parentDefinition, ProcessScenario.PARENT);
    var call = engine.activate(parent, "call-child", BpmnElementType.CALL_ACTIVITY);
    var child = engine.startCalled(call, 0, childDefinition, ProcessScenario.CHILD);
    flush(partition2, engine);

    // then the call activity id and the names came from partition 1's documents
    assertThat(store.index(PI).get(Long.toString(child.key())))
        .containsEntry(
            "treePath",
            "PI_" + parent.key() + "/FN_call-child/FNI_" + call.key() + "/PI_" + child.key())
        .containsEntry("processName", "Child process")
        .containsEntry("partitionId", 2);
    assertThat(store.index(FNI).get(Long.toString(call.key())))
        .containsEntry("elementName", "call-child");
    assertThat(fallbacks(partition2)).isZero();
  }

  @Test
  void shouldLookUpAnUnknownDefinitionOncePerIntervalNotOncePerRecord() {
    // given instances of a definition nobody deployed
    var harness = new ExporterHarness(ARGS);
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    for (int i = 0; i < 5; i++) {
      var instance = engine.startRoot(12345, "unknown");
      engine.activate(instance, "task", BpmnElementType.SERVICE_TASK);
    }

    // when
    flush(harness, engine);

    // then one GET for the ten records that wanted a name
    assertThat(harness.store.gets()).isEqualTo(1);
    assertThat(harness.store.index(PI).values())
        .allSatisfy(doc -> assertThat(doc).doesNotContainKey("processName"));
  }

  @Test
  void shouldStillWriteADefinitionWhoseBpmnCannotBeParsed() {
    // given a damaged resource
    var harness = new ExporterHarness(ARGS);
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var value =
        ImmutableProcess.builder()
            .withBpmnProcessId("broken")
            .withVersion(2)
            .withProcessDefinitionKey(77)
            .withResourceName("broken.bpmn")
            .withResource("<not bpmn".getBytes(StandardCharsets.UTF_8))
            .withChecksum(new byte[] {1})
            .withTenantId(EngineRecords.TENANT)
            .build();

    // when
    engine.emit(ValueType.PROCESS, ProcessIntent.CREATED, 77, value);
    flush(harness, engine);

    // then
    assertThat(harness.store.index(DEFINITIONS).get("77"))
        .containsEntry("bpmnProcessId", "broken")
        .containsEntry("callActivityIds", List.of())
        .containsEntry("elementNames", Map.of())
        .containsEntry("bpmnXml", "<not bpmn");
  }

  private static double fallbacks(ExporterHarness harness) {
    return harness
        .context
        .getMeterRegistry()
        .find("sightline.exporter.treepath.fallbacks")
        .counters()
        .stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }
}
