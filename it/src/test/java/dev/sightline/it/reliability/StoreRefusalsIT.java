package dev.sightline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.exporter.TwoHop;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.NodeOptions;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.RealTimeDriver;
import dev.sightline.probe.workload.Workload;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The refusals a real node gives (docs/operations.md, "What the exporter does with each answer of
 * Elasticsearch"): a write block and the disk's flood-stage block set and lifted under load, an
 * index deleted while the node may not create it, a document larger than the node takes. Nothing
 * that a retry can write is dead-lettered, nothing stalls that a retry can fix.
 */
@RealEngines
class StoreRefusalsIT {

  private static final int PARTITIONS = 2;

  @Test
  void shouldWriteEveryDocumentThroughBlocksSetAndLiftedUnderLoad(EngineTarget es)
      throws Exception {
    var prefix = es.indexPrefix();
    var workload =
        Workload.of(
            OutageIT.workload().withDuration(Duration.ofSeconds(20), Duration.ZERO),
            Instant.now().plusSeconds(1));
    try (var client = EngineClient.open(es.url());
        var host = OutageIT.direct(es.url().toString(), prefix)) {
      var sources = new HashMap<Integer, AppendingRecordSource>();
      for (int p = 1; p <= PARTITIONS; p++) {
        sources.put(p, new AppendingRecordSource());
        host.startPartition(p, sources.get(p));
      }
      var driving =
          Thread.ofPlatform().name("workload").start(RealTimeDriver.appendingTo(workload, sources));

      // given records flowing, and documents written
      Await.until(() -> count(client, es.index("variable-v1")) > 0, "a first variable written");

      // when the variable index gets a write block (what a shrink sets) and the flow-node index
      // the flood-stage block (what a full disk sets)
      var failuresBefore = flushFailures(host);
      put(client, "/" + es.index("variable-v1") + "/_settings", "{\"index.blocks.write\":true}");
      put(
          client,
          "/" + es.index("flow-node-instance-v2") + "/_settings",
          "{\"index.blocks.read_only_allow_delete\":true}");

      // then flushes fail and are retried
      Await.until(() -> flushFailures(host) >= failuresBefore + 3, "three failed flushes");

      // when the blocks are lifted
      put(client, "/" + es.index("variable-v1") + "/_settings", "{\"index.blocks.write\":false}");
      put(
          client,
          "/" + es.index("flow-node-instance-v2") + "/_settings",
          "{\"index.blocks.read_only_allow_delete\":false}");
      driving.join();

      // then everything is written and acknowledged
      for (int p = 1; p <= PARTITIONS; p++) {
        var last = workload.stream(p).reduce((a, b) -> b).orElseThrow().getPosition();
        Await.acknowledged(host.partition(p).orElseThrow(), "sightline", last);
      }
    }

    // and the documents are exactly those of a run without blocks, and none is a dead letter
    var reference = prefix + "-reference";
    try (var host = OutageIT.direct(es.url().toString(), reference)) {
      for (int p = 1; p <= PARTITIONS; p++) {
        var records = workload.stream(p).toList();
        Await.acknowledged(
            host.startPartition(p, ListRecordSource.of(records)),
            "sightline",
            records.getLast().getPosition());
      }
    }
    try (var client = EngineClient.open(es.url())) {
      var expected = TwoHop.readModel(client, reference);
      var actual = TwoHop.readModel(client, prefix);
      assertThat(expected.get("variable")).isNotEmpty();
      assertThat(actual.get("dead-letter")).as("dead letters").isEmpty();
      assertThat(TwoHop.differences(expected, actual)).isEmpty();
    }
  }

  @Test
  void shouldCreateADeletedIndexAgainWhenTheNodeMayNotCreateIt(EngineTarget es) throws Exception {
    try (var client = EngineClient.open(es.url())) {
      // given a node that may not create this test's indices by itself
      put(
          client,
          "/_cluster/settings",
          "{\"persistent\":{\"action.auto_create_index\":\"-" + es.indexPrefix() + "-*,+*\"}}");
      try {
        var records = scenario();

        // when the flow-node index is deleted after the exporter created its schema
        var run =
            HostileInputsIT.export(
                es,
                Map.of(),
                records,
                HostileInputsIT.START_MILLIS,
                () -> delete(client, es.index("flow-node-instance-v2")));

        // then the index was created again with the exporter's mapping, and everything written
        assertThat(run.controller().getLastExportedRecordPosition())
            .as(run.log().all())
            .isEqualTo(records.getLast().getPosition());
        assertThat(run.log().all()).contains("index_not_found_exception");
        client.refresh(es.indexPrefix() + "-*");
        assertThat(client.count(es.index("flow-node-instance-v2"))).isEqualTo(7);
        assertThat(client.count(es.index("dead-letter-v1"))).isZero();
        var index = es.index("flow-node-instance-v2");
        assertThat(client.mappings(index).get("dynamic")).isEqualTo("strict");
      } finally {
        put(client, "/_cluster/settings", "{\"persistent\":{\"action.auto_create_index\":null}}");
      }
    }
  }

  @Test
  void shouldDeadLetterADocumentLargerThanTheNodeTakesAndWriteTheRest(EngineTarget es)
      throws Exception {
    // given a node that takes requests of at most 64 KB, and a variable of 200 KB among others
    var engine = new EngineRecords(new RecordFactory(1), true, HostileInputsIT.START_MILLIS);
    var instance =
        engine.startRoot(
            engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel()),
            ProcessScenario.PARENT);
    for (var i = 0; i < 20; i++) {
      engine.variable(VariableIntent.CREATED, instance, instance.key(), "small" + i, "\"x\"");
    }
    var large = "\"" + "y".repeat(200 * 1024) + "\"";
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "large", large);
    var records = engine.drain();
    try (var node =
        ElasticsearchNode.start(
            NodeOptions.defaults()
                .withVersion(es.version())
                .withSetting("http.max_content_length", "64kb"))) {
      var target = new EngineTarget(es.version(), node.url(), es.indexPrefix());

      // when
      var run = HostileInputsIT.export(target, Map.of(), records);

      // then the partition moved on, the small variables are written, and the large one is a
      // dead letter (without its document: that too is larger than the node takes)
      assertThat(run.controller().getLastExportedRecordPosition())
          .as(run.log().all())
          .isEqualTo(records.getLast().getPosition());
      try (var client = EngineClient.open(node.url())) {
        client.refresh(es.indexPrefix() + "-*");
        assertThat(client.count(es.index("variable-v1"))).isEqualTo(20);
        var letters = client.search(es.index("dead-letter-v1"));
        assertThat(letters)
            .singleElement()
            .satisfies(
                hit -> {
                  assertThat(hit.source())
                      .containsEntry("documentId", instance.key() + "-large")
                      .containsEntry("errorType", "content_too_large")
                      .containsEntry("status", 413)
                      .doesNotContainKey("document");
                  assertThat(hit.id()).hasSize(64);
                });
      }
    }
  }

  private static List<Record<?>> scenario() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, HostileInputsIT.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private static double flushFailures(BrokerHost host) {
    return host.meterRegistry().find("sightline.exporter.flush.failures").counters().stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }

  /** A request as an operator types it. */
  static void put(EngineClient client, String path, String json) {
    client.call("PUT", path, json);
  }

  private static long count(EngineClient client, String index) {
    if (!client.exists(index)) {
      return 0;
    }
    client.refresh(index);
    return client.count(index);
  }

  private static void delete(EngineClient client, String index) {
    client.deleteIndex(index);
  }
}
