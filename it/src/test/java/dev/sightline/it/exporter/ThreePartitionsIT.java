package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.CallHierarchy;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.HostedPartition;
import dev.sightline.probe.host.config.ExporterConfigs;
import dev.sightline.probe.host.source.AppendingRecordSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three partitions, one exporter each (the drop-in jar in the broker-like host, one actor thread
 * per partition), writing the same indices of one real node at once, their records appended
 * interleaved. Only partition 1 deploys: the others find the definitions through the index.
 */
@RealEngines
class ThreePartitionsIT {

  private static final String EXPORTER_ID = "sightline";

  @TempDir Path brokerHome;

  private BrokerHost host(EngineTarget es) {
    var yaml =
        """
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
                    delay: 100ms
                    size: 20
        """
            .formatted(ExporterJarIT.exporterJar().toAbsolutePath(), es.url(), es.indexPrefix());
    return BrokerHost.builder().exporters(ExporterConfigs.fromYaml(yaml, brokerHome)).build();
  }

  @Test
  void shouldWriteThreeInterleavedPartitionsWithoutCollisionsEachAcknowledgingItsOwnRecords(
      EngineTarget es) throws Exception {
    // given one call hierarchy per partition; the definitions deployed on partition 1 only
    var trees = new HashMap<Integer, CallHierarchy>();
    for (int partition = 1; partition <= 3; partition++) {
      trees.put(
          partition,
          new CallHierarchy(
              new EngineRecords(new RecordFactory(partition), true, ExporterHarness.START_MILLIS)));
    }
    var deployment = trees.get(1).deploy();
    var logs = new HashMap<Integer, List<Record<?>>>();
    for (int partition = 1; partition <= 3; partition++) {
      var tree = trees.get(partition);
      tree.rootDefinition = trees.get(1).rootDefinition;
      tree.middleDefinition = trees.get(1).middleDefinition;
      tree.leafDefinition = trees.get(1).leafDefinition;
      var log = new ArrayList<>(tree.start());
      tree.engine.variable(VariableIntent.CREATED, tree.root, tree.root.key(), "x", "1");
      var first = tree.engine.incidentCreated(tree.taskA, ErrorType.JOB_NO_RETRIES, -1);
      tree.engine.incidentCreated(tree.taskB, ErrorType.JOB_NO_RETRIES, -1);
      tree.engine.incidentResolved(first);
      log.addAll(tree.engine.drain());
      logs.put(partition, log);
    }
    var sources =
        Map.of(
            1,
            new AppendingRecordSource(),
            2,
            new AppendingRecordSource(),
            3,
            new AppendingRecordSource());

    try (var host = host(es)) {
      // and partition 1's deployment exported first
      sources.get(1).appendAll(deployment);
      var partitions = new HashMap<Integer, HostedPartition>();
      partitions.put(1, host.startPartition(1, sources.get(1)));
      Await.acknowledged(partitions.get(1), EXPORTER_ID, deployment.getLast().getPosition());
      partitions.put(2, host.startPartition(2, sources.get(2)));
      partitions.put(3, host.startPartition(3, sources.get(3)));

      // when the three logs grow interleaved, record by record
      var longest = logs.values().stream().mapToInt(List::size).max().orElseThrow();
      for (int i = 0; i < longest; i++) {
        for (int partition = 1; partition <= 3; partition++) {
          if (i < logs.get(partition).size()) {
            sources.get(partition).append(logs.get(partition).get(i));
          }
        }
      }

      // then each partition acknowledges exactly its own log
      for (int partition = 1; partition <= 3; partition++) {
        var last = logs.get(partition).getLast().getPosition();
        Await.acknowledged(partitions.get(partition), EXPORTER_ID, last);
        assertThat(host.acknowledgedPosition(partition, EXPORTER_ID))
            .as("partition %d", partition)
            .isEqualTo(last);
      }
      assertThat(fallbacks(host))
          .as("every call activity named through partition 1's definitions")
          .isZero();
    }

    // and every entity has its own document, written by the partition its key belongs to
    try (var client = EngineClient.open(es.url())) {
      var instances = ReadModelDocuments.all(client, es.index("process-instance-v2"));
      var flowNodes = ReadModelDocuments.all(client, es.index("flow-node-instance-v2"));
      var incidents = ReadModelDocuments.all(client, es.index("incident-v1"));
      assertThat(instances).hasSize(3 * 5);
      assertThat(flowNodes).hasSize(3 * 8);
      assertThat(incidents).hasSize(3 * 2);
      assertThat(ReadModelDocuments.all(client, es.index("variable-v1"))).hasSize(3);
      assertThat(ReadModelDocuments.all(client, es.index("process-definition-v1"))).hasSize(3);
      for (var documents : List.of(instances, flowNodes, incidents)) {
        assertThat(documents.values())
            .allSatisfy(
                document ->
                    assertThat(document.get("partitionId"))
                        .isEqualTo((Long) document.get("key") >> 51));
      }
      for (int partition = 1; partition <= 3; partition++) {
        var tree = trees.get(partition);
        assertThat(instances.get(Long.toString(tree.leafA.key())))
            .containsEntry("treePath", tree.leafAPath());
        assertThat(instances.get(Long.toString(tree.root.key())))
            .containsEntry("processName", "Root")
            .containsEntry("incident", true);
        assertThat(instances.get(Long.toString(tree.leafA.key()))).containsEntry("incident", false);
      }
    }
  }

  private static double fallbacks(BrokerHost host) {
    return host.meterRegistry().find("sightline.exporter.treepath.fallbacks").counters().stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }
}
