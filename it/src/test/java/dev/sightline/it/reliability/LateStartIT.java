package dev.sightline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.it.exporter.TwoHop;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.NodeOptions;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.Workload;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The exporter opens before Elasticsearch exists and starts working once it does, without a
 * restart.
 */
@RealEngines
class LateStartIT {

  @Test
  void shouldStartWorkingWhenElasticsearchArrivesLater(EngineTarget es) throws Exception {
    // given a port where nothing listens yet
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var workload =
        Workload.of(
            OutageIT.workload()
                .withPartitions(1)
                .withDuration(Duration.ofSeconds(5), Duration.ZERO),
            Instant.parse("2026-11-28T00:00:00Z"));
    var records = workload.stream(1).toList();

    try (var host = OutageIT.direct("http://127.0.0.1:" + port, es.indexPrefix())) {
      // when the exporter opens and gets records while Elasticsearch is not there
      var partition = host.startPartition(1, ListRecordSource.of(records));
      var firstEvent =
          records.stream()
              .filter(r -> r.getRecordType() == io.camunda.zeebe.protocol.record.RecordType.EVENT)
              .findFirst()
              .orElseThrow();
      // checked all along 3 s of retries: nothing acknowledged, nothing failed
      Await.during(
          Duration.ofSeconds(3),
          () -> {
            assertThat(host.acknowledgedPosition(1, "sightline"))
                .as(
                    "nothing durable yet (commands before it are filtered out and acknowledged by the host)")
                .isLessThan(firstEvent.getPosition());
            assertThat(partition.failure()).isEmpty();
          });

      // and Elasticsearch starts on that port
      try (var node =
          ElasticsearchNode.start(
              NodeOptions.defaults()
                  .withVersion(es.version())
                  .withSetting("http.port", Integer.toString(port)))) {
        // then the same exporter instance writes everything
        Await.acknowledged(partition, "sightline", records.getLast().getPosition());
        try (var client = EngineClient.open(node.url())) {
          var instances = TwoHop.readModel(client, es.indexPrefix()).get("process-instance");
          assertThat(instances).hasSize((int) (workload.spec().instanceCount() * 6));
        }
      }
    }
  }

  @Test
  void shouldNotStallWhenTheFirstRecordAfterARestartNeedsALookup(EngineTarget es) throws Exception {
    // given a port where nothing listens, and an exporter that exported everything before the
    // first incident (so it does not wait for the two-hop importers any more)
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var workload =
        Workload.of(
            OutageIT.workload()
                .withPartitions(1)
                .withDuration(Duration.ofSeconds(5), Duration.ZERO)
                .withIncidents(0.5, Duration.ofSeconds(1)),
            Instant.parse("2026-11-28T00:00:00Z"));
    var records = workload.stream(1).toList();
    var firstIncident =
        records.stream()
            .filter(
                r ->
                    r.getValueType() == ValueType.INCIDENT
                        && r.getRecordType() == RecordType.EVENT
                        && r.getIntent() == IncidentIntent.CREATED)
            .findFirst()
            .orElseThrow();
    var before =
        records.stream().filter(r -> r.getPosition() < firstIncident.getPosition()).toList();
    var nodeOptions =
        NodeOptions.defaults()
            .withVersion(es.version())
            .withSetting("http.port", Integer.toString(port));

    try (var host = OutageIT.direct("http://127.0.0.1:" + port, es.indexPrefix())) {
      try (var earlier = ElasticsearchNode.start(nodeOptions)) {
        var partition = host.startPartition(1, ListRecordSource.of(before));
        Await.acknowledged(partition, "sightline", before.getLast().getPosition());
        partition.stop();
      }

      // when the broker restarts while Elasticsearch is away: the first record is the incident,
      // whose flags need the instances' current incident keys, read from the index (the cache
      // is empty after a restart) before anything is added to the batch
      var partition = host.startPartition(1, ListRecordSource.of(records));
      partition.opened().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      // and a new, empty Elasticsearch node starts on that port
      try (var node = ElasticsearchNode.start(nodeOptions)) {
        // then the same exporter instance creates the schema, reads, and writes everything
        Await.acknowledged(partition, "sightline", records.getLast().getPosition());
        try (var client = EngineClient.open(node.url())) {
          assertThat(TwoHop.readModel(client, es.indexPrefix()).get("incident"))
              .containsKey(Long.toString(firstIncident.getKey()));
        }
      }
    }
  }
}
