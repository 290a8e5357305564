package dev.sightline.it.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.exporter.TwoHop;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.it.support.SettableClock;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Retention through the drop-in jar on a real node, over the open-loop workload's records (a parent
 * calling five children per root, jobs, variables, incidents): once the broker's clock says a
 * period has passed, exactly the call hierarchies whose root ended before the cutoff are gone,
 * whole, and every other document — running hierarchies, finished ones not due yet, definitions —
 * is unchanged. Runs are kept small (3 roots, 100 documents), so hierarchies go over several runs.
 */
@RealEngines
class RetentionIT {

  private static final Instant WORKLOAD_START = Instant.parse("2026-11-28T00:00:00Z");
  private static final Duration PERIOD = Duration.ofDays(1);

  static BrokerHost host(EngineTarget es, SettableClock clock, Map<String, Object> retention) {
    var args = new TreeMap<String, Object>();
    args.put("connect.url", es.url().toString());
    args.put("index.prefix", es.indexPrefix());
    args.put("bulk.delay", "200ms");
    args.put("retention", retention);
    return BrokerHost.builder()
        .clock(clock)
        .exporter(
            new ExporterDescriptor(
                "sightline",
                "dev.sightline.exporter.SightlineExporter",
                Optional.of(ExporterJarIT.exporterJar()),
                args))
        .build();
  }

  static double doneRuns(BrokerHost host) {
    return Optional.ofNullable(
            host.meterRegistry()
                .find("sightline.exporter.retention.runs")
                .tag("outcome", "done")
                .counter())
        .map(Counter::count)
        .orElse(0.0);
  }

  @Test
  void shouldRemoveExactlyTheHierarchiesWhoseRootEndedBeforeTheCutoffWhole(EngineTarget es) {
    // given the workload's records, cut where many roots are still running: one job in five
    // fails and its incident is resolved 5 s later, so a root often waits for one called instance
    // while the others ended long ago
    var workload =
        Workload.of(
            WorkloadSpec.defaults()
                .withRate(4)
                .withPartitions(1)
                .withDuration(Duration.ofSeconds(10), Duration.ZERO)
                .withIncidents(0.2, Duration.ofSeconds(5)),
            WORKLOAD_START);
    var all = workload.stream(1).toList();
    var cut = all.size() * 3 / 4;
    while (!(all.get(cut - 1).getRecordType() == RecordType.EVENT
        && all.get(cut - 1).getValueType() == ValueType.PROCESS_INSTANCE)) {
      cut--; // end on a record the exporter reads, so that it acknowledges the last one
    }
    var records = all.subList(0, cut);
    var hierarchies = Hierarchies.of(records);
    var running = new HashSet<>(hierarchies.roots);
    running.removeAll(hierarchies.rootEnds.keySet());
    // and a cutoff after half the roots ended, and after a called instance of a running root did
    var underRunning = hierarchies.instancesUnder(running);
    var firstCalledOfRunningEnded =
        hierarchies.calledEnds.entrySet().stream()
            .filter(called -> underRunning.contains(called.getKey()))
            .mapToLong(Map.Entry::getValue)
            .min()
            .orElseThrow();
    var ends = hierarchies.rootEnds.values().stream().sorted().toList();
    var cutoff = Math.max(ends.get(ends.size() / 2), firstCalledOfRunningEnded + 1);
    var due = hierarchies.rootsEndedBefore(cutoff);
    assertThat(due).as("roots due").hasSizeGreaterThan(5);
    assertThat(hierarchies.rootEnds.size() - due.size()).as("roots ended, not due").isPositive();
    assertThat(running).as("roots running").hasSizeGreaterThan(3);

    var clock = new SettableClock();
    clock.runFrom(WORKLOAD_START);
    var retention =
        Map.<String, Object>of(
            "enabled", "true",
            "period", "1d",
            "interval", "1s",
            "batchSize", "3",
            "maxDocumentsPerRun", "100",
            "replayWindow", "0ms");
    try (var host = host(es, clock, retention);
        var client = EngineClient.open(es.url())) {
      // and all of them exported while no hierarchy is due
      var partition = host.startPartition(1, ListRecordSource.of(records));
      Await.acknowledged(partition, "sightline", records.getLast().getPosition());
      var before = TwoHop.readModel(client, es.indexPrefix());

      // when the broker's clock shows one period after the cutoff
      clock.stopAt(Instant.ofEpochMilli(cutoff).plus(PERIOD));

      // then exactly the due hierarchies are gone, whole, and nothing else changed
      var doomed = hierarchies.instancesUnder(due);
      assertThat(doomed).hasSize(due.size() * 6); // a parent and its five children each
      var expected = Hierarchies.without(before, doomed);
      assertThat(expected.get("process-instance"))
          .hasSize(before.get("process-instance").size() - doomed.size());
      Await.until(
          () -> TwoHop.differences(expected, TwoHop.readModel(client, es.indexPrefix())).isEmpty(),
          () ->
              "the due hierarchies removed after "
                  + doneRuns(host)
                  + " runs; differences left: "
                  + TwoHop.differences(expected, TwoHop.readModel(client, es.indexPrefix()))
                      .stream()
                      .limit(10)
                      .toList());

      // and stay so while runs go on
      var runs = doneRuns(host);
      Await.until(() -> doneRuns(host) >= runs + 3, "three more retention runs");
      assertThat(TwoHop.differences(expected, TwoHop.readModel(client, es.indexPrefix())))
          .isEmpty();
      assertThat(partition.failure()).isEmpty();
    }
  }
}
