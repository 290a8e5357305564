package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.handler.Dates;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterConfigs;
import dev.sightline.probe.host.source.ListRecordSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The drop-in jar, loaded by the broker-like host from a broker YAML exactly as a broker loads it,
 * exports a parent instance calling a child instance into a real node; every document is compared
 * field by field.
 */
@RealEngines
class DirectExporterIT {

  private static final String EXPORTER_ID = "sightline";

  @TempDir Path brokerHome;

  private String yaml(EngineTarget es) {
    return """
        zeebe:
          broker:
            exporters:
              sightline:
                className: dev.sightline.exporter.SightlineExporter
                jarPath: %s
                args:
                  connect:
                    url: %s
                  index:
                    prefix: %s
                  bulk:
                    delay: 200ms
                    size: 1000
        """
        .formatted(ExporterJarIT.exporterJar().toAbsolutePath(), es.url(), es.indexPrefix());
  }

  private BrokerHost host(EngineTarget es) {
    return BrokerHost.builder().exporters(ExporterConfigs.fromYaml(yaml(es), brokerHome)).build();
  }

  private static List<Record<?>> records(ProcessScenario scenario) {
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private static void exportAll(BrokerHost host, List<Record<?>> records) {
    var partition = host.startPartition(1, ListRecordSource.of(records));
    Await.acknowledged(partition, EXPORTER_ID, records.getLast().getPosition());
  }

  @ParameterizedTest(name = "tree fields on records: {0}")
  @ValueSource(booleans = {true, false})
  void shouldWriteEveryDocumentOfAParentCallingAChildExactly(
      boolean withTreeFields, EngineTarget es) throws Exception {
    // given the records of a broker 8.8 (tree fields) or an older one (parent links only)
    var scenario = new ProcessScenario(new RecordFactory(1), withTreeFields, 1_795_000_000_000L);
    var records = records(scenario);

    // when the host runs the jar over them
    try (var host = host(es)) {
      exportAll(host, records);
    }

    // then
    try (var client = EngineClient.open(es.url())) {
      assertThat(ReadModelDocuments.all(client, es.index("process-instance-v2")))
          .isEqualTo(expectedProcessInstances(scenario, records));
      assertThat(ReadModelDocuments.all(client, es.index("flow-node-instance-v2")))
          .isEqualTo(expectedFlowNodeInstances(scenario, records));
    }
  }

  @Test
  void shouldEndInIdenticalDocumentsAfterACrashAndAReplayFromTheAcknowledgedPosition(
      EngineTarget es) throws Exception {
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var records = records(scenario);
    var half = records.size() / 2;

    try (var host = host(es)) {
      // given a broker that crashed (no close) after half of the records were acknowledged
      var first = host.startPartition(1, ListRecordSource.of(records.subList(0, half)));
      Await.acknowledged(first, EXPORTER_ID, records.get(half - 1).getPosition());
      first.crash();

      // when it restarts from the acknowledged position and metadata, with the whole log
      exportAll(host, records);
    }
    // and a second broker replays the whole log again over the same indices
    try (var replay = host(es)) {
      exportAll(replay, records);
    }

    // then the documents are exactly those of a clean run
    try (var client = EngineClient.open(es.url())) {
      assertThat(ReadModelDocuments.all(client, es.index("process-instance-v2")))
          .isEqualTo(expectedProcessInstances(scenario, records));
      assertThat(ReadModelDocuments.all(client, es.index("flow-node-instance-v2")))
          .isEqualTo(expectedFlowNodeInstances(scenario, records));
    }
  }

  private static Map<String, Map<String, Object>> expectedProcessInstances(
      ProcessScenario s, List<Record<?>> records) {
    var parent =
        processInstance(
            records, s.parentInstanceKey, s.parentDefinitionKey, ProcessScenario.PARENT);
    parent.put("processName", "Parent process");
    parent.put("treePath", "PI_" + s.parentInstanceKey);
    var child =
        processInstance(records, s.childInstanceKey, s.childDefinitionKey, ProcessScenario.CHILD);
    child.put("processName", "Child process");
    child.put("parentProcessInstanceKey", s.parentInstanceKey);
    child.put("parentElementInstanceKey", s.callActivityInstanceKey);
    child.put(
        "treePath",
        "PI_"
            + s.parentInstanceKey
            + "/FN_call-child/FNI_"
            + s.callActivityInstanceKey
            + "/PI_"
            + s.childInstanceKey);
    return Map.of(
        Long.toString(s.parentInstanceKey), parent, Long.toString(s.childInstanceKey), child);
  }

  private static Map<String, Object> processInstance(
      List<Record<?>> records, long key, long definitionKey, String processId) {
    var document = new TreeMap<String, Object>();
    document.put("key", key);
    document.put("bpmnProcessId", processId);
    document.put("processDefinitionKey", definitionKey);
    document.put("version", 1L);
    document.put("state", "COMPLETED");
    document.put(
        "startDate",
        Dates.iso(find(records, key, ProcessInstanceIntent.ELEMENT_ACTIVATING).getTimestamp()));
    document.put(
        "endDate",
        Dates.iso(find(records, key, ProcessInstanceIntent.ELEMENT_COMPLETED).getTimestamp()));
    document.put("incident", false);
    document.put("tenantId", "<default>");
    document.put("partitionId", 1L);
    document.put(
        "position", find(records, key, ProcessInstanceIntent.ELEMENT_COMPLETED).getPosition());
    return document;
  }

  private static Map<String, Map<String, Object>> expectedFlowNodeInstances(
      ProcessScenario s, List<Record<?>> records) {
    var expected = new TreeMap<String, Map<String, Object>>();
    for (var record : records) {
      if (record.getIntent() != ProcessInstanceIntent.ELEMENT_ACTIVATING) {
        continue;
      }
      var value =
          (io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue) record.getValue();
      if (value.getBpmnElementType().name().equals("PROCESS")) {
        continue;
      }
      var key = record.getKey();
      var document = new TreeMap<String, Object>();
      document.put("key", key);
      document.put("processInstanceKey", value.getProcessInstanceKey());
      document.put("processDefinitionKey", value.getProcessDefinitionKey());
      document.put("bpmnProcessId", value.getBpmnProcessId());
      document.put("elementId", value.getElementId());
      document.put(
          "elementName", value.getElementId()); // the model builder names elements by their id
      document.put("type", value.getBpmnElementType().name());
      document.put("state", "COMPLETED");
      document.put("startDate", Dates.iso(record.getTimestamp()));
      document.put(
          "endDate",
          Dates.iso(find(records, key, ProcessInstanceIntent.ELEMENT_COMPLETED).getTimestamp()));
      document.put("scopeKey", value.getProcessInstanceKey());
      document.put("treePath", value.getProcessInstanceKey() + "/" + key);
      document.put("level", 1L);
      document.put("incident", false);
      document.put("tenantId", "<default>");
      document.put("partitionId", 1L);
      document.put(
          "position", find(records, key, ProcessInstanceIntent.ELEMENT_COMPLETED).getPosition());
      expected.put(Long.toString(key), document);
    }
    assertThat(expected).as("7 flow nodes: 4 in the parent, 3 in the child").hasSize(7);
    assertThat(expected)
        .containsKeys(Long.toString(s.parentTaskKey), Long.toString(s.childTaskKey));
    return expected;
  }

  private static Record<?> find(List<Record<?>> records, long key, Intent intent) {
    return records.stream()
        .filter(r -> r.getKey() == key && r.getIntent() == intent)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + intent + " record for key " + key));
  }
}
