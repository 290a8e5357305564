package dev.sightline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.it.exporter.TwoHop;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exporter is killed (no close) at 20 random points of a run and restarted each time from the
 * last acknowledged position and metadata, as a broker restart does: the final indices equal a
 * clean run's.
 */
@RealEngines
class CrashReplayIT {

  private static final int CRASHES = 20;

  @Test
  void shouldEndIdenticalToACleanRunAfterTwentyCrashes(EngineTarget es) throws Exception {
    var workload =
        Workload.of(
            OutageIT.workload()
                .withPartitions(1)
                .withDuration(Duration.ofSeconds(10), Duration.ZERO),
            Instant.parse("2026-11-28T00:00:00Z"));
    var records = workload.stream(1).toList();
    var last = records.getLast().getPosition();
    var source = ListRecordSource.of(records);
    var random = new Random(7);

    // when: crash at 20 random points in increasing order, each time restarting from what was
    // acknowledged
    var targets = random.longs(CRASHES, 1, last).sorted().toArray();
    try (var host = OutageIT.direct(es.url().toString(), es.indexPrefix())) {
      for (var target : targets) {
        var partition = host.startPartition(1, source);
        if (target > host.acknowledgedPosition(1, "sightline")) {
          Await.delivered(partition, target);
        }
        Thread.sleep(random.nextInt(300)); // a random crash point, not a wait
        partition.crash();
      }
      Await.acknowledged(host.startPartition(1, source), "sightline", last);
    }

    // then
    var clean = es.indexPrefix() + "-clean";
    try (var host = OutageIT.direct(es.url().toString(), clean)) {
      Await.acknowledged(host.startPartition(1, ListRecordSource.of(records)), "sightline", last);
    }
    try (var client = EngineClient.open(es.url())) {
      var expected = TwoHop.readModel(client, clean);
      assertThat(expected.get("process-instance"))
          .hasSize((int) (workload.spec().instanceCount() * 6));
      assertThat(TwoHop.differences(expected, TwoHop.readModel(client, es.indexPrefix())))
          .isEmpty();
    }
  }
}
