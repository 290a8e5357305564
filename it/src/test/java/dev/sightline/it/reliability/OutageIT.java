package dev.sightline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.exporter.TwoHop;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.NodeOptions;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.RealTimeDriver;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch goes away for 30 s under the open-loop workload and comes back on the same data:
 * the exporter retries with bounded backoff, acknowledges nothing meanwhile, loses nothing and
 * catches up.
 */
@RealEngines
class OutageIT {

  private static final int PARTITIONS = 2;
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  static BrokerHost direct(String url, String prefix) {
    var args = new TreeMap<String, Object>();
    args.put("connect.url", url);
    args.put("connect.requestTimeout", "2s");
    args.put("index.prefix", prefix);
    args.put("bulk.delay", "200ms");
    args.put("retry.maxBackoff", "2s");
    return BrokerHost.builder()
        .exporter(
            new ExporterDescriptor(
                "sightline",
                "dev.sightline.exporter.SightlineExporter",
                Optional.of(ExporterJarIT.exporterJar()),
                args))
        .build();
  }

  static WorkloadSpec workload() {
    return WorkloadSpec.defaults()
        .withRate(4)
        .withPartitions(PARTITIONS)
        .withDuration(Duration.ofSeconds(45), Duration.ZERO)
        .withIncidents(0.02, Duration.ofSeconds(1));
  }

  @Test
  void shouldLoseNothingAndAcknowledgeNothingDuringAnOutage(EngineTarget es) throws Exception {
    try (var node = ElasticsearchNode.start(NodeOptions.defaults().withVersion(es.version()))) {
      var prefix = es.indexPrefix();
      var workload = Workload.of(workload(), Instant.now().plusSeconds(1));
      var sources = new HashMap<Integer, AppendingRecordSource>();
      var acknowledgedDuringOutage = new HashMap<Integer, Long>();
      try (var host = direct(node.url().toString(), prefix)) {
        for (int p = 1; p <= PARTITIONS; p++) {
          sources.put(p, new AppendingRecordSource());
          host.startPartition(p, sources.get(p));
        }
        var driver = RealTimeDriver.appendingTo(workload, sources);
        var driving = Thread.ofPlatform().name("workload").start(driver);

        // given records flowing for 8 s (the workload's timeline, not a wait for a condition)
        Thread.sleep(8_000);

        // when the node stops for 30 s
        node.stop();
        // a bulk in flight when it stopped ends within connect.requestTimeout (2 s)
        Thread.sleep(2_000);
        for (int p = 1; p <= PARTITIONS; p++) {
          acknowledgedDuringOutage.put(p, host.acknowledgedPosition(p, "sightline"));
        }

        // then nothing is acknowledged while it is down, checked all along the rest of the outage
        Await.during(
            OUTAGE.minusSeconds(2),
            () -> {
              for (int p = 1; p <= PARTITIONS; p++) {
                assertThat(host.acknowledgedPosition(p, "sightline"))
                    .as("partition %d while down", p)
                    .isEqualTo(acknowledgedDuringOutage.get(p));
                assertThat(host.partition(p).orElseThrow().failure())
                    .as("the partition keeps retrying, it does not fail")
                    .isEmpty();
              }
            });

        // and after it comes back, everything is written and acknowledged
        node.restart();
        driving.join();
        for (int p = 1; p <= PARTITIONS; p++) {
          var last = workload.stream(p).reduce((a, b) -> b).orElseThrow().getPosition();
          Await.acknowledged(host.partition(p).orElseThrow(), "sightline", last);
        }
      }

      // and the documents are exactly those of a run without outage, over the same records
      var reference = prefix + "-reference";
      try (var host = direct(node.url().toString(), reference)) {
        for (int p = 1; p <= PARTITIONS; p++) {
          var records = workload.stream(p).toList();
          Await.acknowledged(
              host.startPartition(p, ListRecordSource.of(records)),
              "sightline",
              records.getLast().getPosition());
        }
      }
      try (var client = EngineClient.open(node.url())) {
        var expected = TwoHop.readModel(client, reference);
        assertThat(expected.get("process-instance"))
            .hasSize((int) (workload().instanceCount() * 6));
        assertThat(expected.get("process-instance").values())
            .allSatisfy(doc -> assertThat(doc).containsEntry("state", "COMPLETED"));
        assertThat(acknowledgedDuringOutage.values())
            .allSatisfy(position -> assertThat(position).isPositive());
        assertThat(TwoHop.differences(expected, TwoHop.readModel(client, prefix))).isEmpty();
      }
    }
  }
}
