package dev.sightline.it.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.SettableClock;
import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.es.NodeOptions;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.Pacer;
import dev.sightline.probe.workload.RealTimeDriver;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What retention costs the node (docs/operations.md, "Retention"): on a node of its own, partition
 * 1 holds a backlog of finished hierarchies that ended 30 days ago while partition 2 takes a small
 * write load in real time; the node's CPU time and partition 2's bulk times are taken over a window
 * with the write load alone (the broker's clock 20 days behind, so the backlog is not due with a
 * 15-day period), then, the clock set right, over the runs that remove the backlog (the default
 * batch and document bounds, one run a second). The clock never runs ahead of the write load's
 * records, so its refreshes are the same in both windows. Once without the write load (what
 * retention costs the node: an idle window, then the runs), once with it (what it does to the write
 * load's bulks).
 *
 * <p>Prints the figures and adds them to {@code target/retention-cost.txt}. Asserts only what must
 * hold: the backlog is gone, no run failed, the write load was acknowledged and kept. A measurement
 * of minutes, so not part of the suite: it runs with {@code -Dsightline.it.retentionCost=true}.
 */
@EnabledIfSystemProperty(named = "sightline.it.retentionCost", matches = "true")
class RetentionCostIT {

  private static final Duration BASELINE = Duration.ofSeconds(40);

  @ParameterizedTest(name = "write load: {0}")
  @ValueSource(booleans = {false, true})
  void shouldRemoveABacklogAndReportWhatItCostTheNode(boolean writeLoad) throws Exception {
    var version =
        EngineVersion.parse(System.getProperty("sightline.it.retentionCost.engine", "9.5.3"));
    try (var node = ElasticsearchNode.start(NodeOptions.defaults().withVersion(version));
        var client = EngineClient.open(node.url())) {
      var es = new EngineTarget(version, node.url(), "cost");
      // given a backlog of finished hierarchies that ended 30 days ago, on partition 1
      var backlog =
          Workload.of(
                  WorkloadSpec.defaults()
                      .withRate(20)
                      .withPartitions(1)
                      .withDuration(Duration.ofSeconds(30), Duration.ZERO)
                      .withIncidents(0.01, Duration.ofSeconds(1)),
                  Instant.now().minus(Duration.ofDays(30)))
              .stream(1)
              .toList();
      // and a small write load on partition 2: 4 root instances a second, in real time
      var load =
          Workload.of(
              WorkloadSpec.defaults()
                  .withRate(8)
                  .withPartitions(2)
                  .withDuration(Duration.ofMinutes(5), Duration.ZERO),
              Instant.now().plusSeconds(1));
      var loadSource = new AppendingRecordSource();
      var driver =
          new RealTimeDriver(
              load,
              (partition, record) -> {
                if (partition == 2) {
                  loadSource.append(record);
                }
              },
              InstantSource.system(),
              Pacer.sleeping(InstantSource.system()));
      var clock = new SettableClock();
      clock.runFrom(Instant.now().minus(Duration.ofDays(20)));
      var retention =
          Map.<String, Object>of(
              "enabled", "true",
              "period", "15d",
              "interval", "1s",
              "replayWindow", "0ms");
      try (var host = RetentionIT.host(es, clock, retention)) {
        var driving = writeLoad ? Thread.ofPlatform().name("write-load").start(driver) : null;
        var loading = writeLoad ? host.startPartition(2, loadSource) : null;
        var backlogPartition = host.startPartition(1, ListRecordSource.of(backlog));
        Await.acknowledged(backlogPartition, "sightline", backlog.getLast().getPosition());
        var backlogDocuments = documents(client, es, 1);
        // the merges the backlog's writes left would count in the first window, not the second
        client.call("POST", "/" + es.indexPrefix() + "-*/_forcemerge?max_num_segments=1", null);
        var acknowledgedAt = System.nanoTime();

        // when the node is idle, or takes the write load alone (the backlog not due yet)
        sleepUntil(acknowledgedAt, Duration.ofSeconds(5));
        var baselineStart = Snapshot.take(client, host);
        sleepUntil(acknowledgedAt, Duration.ofSeconds(5).plus(BASELINE));
        var baselineEnd = Snapshot.take(client, host);
        assertThat(baselineEnd.deleted()).as("nothing deleted before the window").isZero();

        // and then retention removes the backlog, due once the clock is right
        var retentionStart = Snapshot.take(client, host);
        clock.runFrom(Instant.now());
        Await.until(
            () -> documents(client, es, 1) == 0,
            Duration.ofMinutes(5),
            () -> documents(client, es, 1) + " backlog documents left");
        var retentionEnd = Snapshot.take(client, host);

        // then the backlog is gone, no run failed, the write load was written and kept
        if (writeLoad) {
          driver.stop();
          driving.join();
          assertThat(documents(client, es, 2)).isPositive();
          assertThat(loading.failure()).isEmpty();
        }
        assertThat(
                host.meterRegistry()
                    .find("sightline.exporter.retention.runs")
                    .tag("outcome", "failed")
                    .counters())
            .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(retentionEnd.deleted() - retentionStart.deleted()).isEqualTo(backlogDocuments);

        report(
            version,
            writeLoad,
            backlog.size(),
            backlogDocuments,
            baselineStart,
            baselineEnd,
            retentionStart,
            retentionEnd);
      }
    }
  }

  /** Documents of a partition's instances, in every index that has {@code partitionId}. */
  private static long documents(EngineClient client, EngineTarget es, int partition) {
    client.refresh(es.indexPrefix() + "-*");
    return client.count(
        es.indexPrefix()
            + "-process-instance-v2,"
            + es.indexPrefix()
            + "-flow-node-instance-v2,"
            + es.indexPrefix()
            + "-variable-v1,"
            + es.indexPrefix()
            + "-incident-v1,"
            + es.indexPrefix()
            + "-job-v1,"
            + es.indexPrefix()
            + "-user-task-v1",
        "{\"term\":{\"partitionId\":" + partition + "}}");
  }

  /** What the node and the exporters had done at one moment. */
  private record Snapshot(
      long nanos,
      long nodeCpuMillis,
      double deleted,
      double runs,
      double runNanos,
      double runMaxNanos,
      double loadBulks,
      double loadBulkNanos) {

    @SuppressWarnings("unchecked")
    static Snapshot take(EngineClient client, BrokerHost host) {
      var stats = client.call("GET", "/_nodes/stats/process", null);
      var nodes = (Map<String, Object>) stats.get("nodes");
      var process =
          (Map<String, Object>)
              ((Map<String, Object>) nodes.values().iterator().next()).get("process");
      var cpu =
          ((Number) ((Map<String, Object>) process.get("cpu")).get("total_in_millis")).longValue();
      var registry = host.meterRegistry();
      var deleted =
          registry
              .find("sightline.exporter.retention.deleted")
              .tag("partition", "1")
              .counters()
              .stream()
              .mapToDouble(c -> c.count())
              .sum();
      var runs =
          registry
              .find("sightline.exporter.retention.runs")
              .tag("partition", "1")
              .tag("outcome", "done")
              .counter();
      var runTimer =
          registry.find("sightline.exporter.retention.run.duration").tag("partition", "1").timer();
      var bulks = registry.find("sightline.exporter.flush.duration").tag("partition", "2").timer();
      return new Snapshot(
          System.nanoTime(),
          cpu,
          deleted,
          runs == null ? 0 : runs.count(),
          runTimer == null ? 0 : runTimer.totalTime(TimeUnit.NANOSECONDS),
          runTimer == null ? 0 : runTimer.max(TimeUnit.NANOSECONDS),
          bulks == null ? 0 : bulks.count(),
          bulks == null ? 0 : bulks.totalTime(TimeUnit.NANOSECONDS));
    }
  }

  private static void report(
      EngineVersion version,
      boolean writeLoad,
      int backlogRecords,
      long backlogDocuments,
      Snapshot baselineStart,
      Snapshot baselineEnd,
      Snapshot start,
      Snapshot end)
      throws IOException {
    var baselineSeconds = (baselineEnd.nanos() - baselineStart.nanos()) / 1e9;
    var baselineCpu =
        (baselineEnd.nodeCpuMillis() - baselineStart.nodeCpuMillis()) / baselineSeconds;
    var seconds = (end.nanos() - start.nanos()) / 1e9;
    var cpu = (end.nodeCpuMillis() - start.nodeCpuMillis()) / seconds;
    var deleted = end.deleted() - start.deleted();
    var runs = end.runs() - start.runs();
    var extraCpuMillis = (cpu - baselineCpu) * seconds;
    var lines =
        List.of(
            "Retention cost on "
                + version.displayName()
                + " (one node; this machine's load average at the end: "
                + loadAverage()
                + ")",
            "backlog: %d records, %d documents of finished hierarchies (partition 1)"
                .formatted(backlogRecords, backlogDocuments),
            "%s (%.0f s): node CPU %.0f ms/s; partition 2 bulk mean %.1f ms over %.0f bulks"
                .formatted(
                    writeLoad ? "write load alone" : "idle",
                    baselineSeconds,
                    baselineCpu,
                    meanMillis(baselineStart, baselineEnd),
                    baselineEnd.loadBulks() - baselineStart.loadBulks()),
            "with retention (%.0f s): node CPU %.0f ms/s; partition 2 bulk mean %.1f ms over %.0f bulks"
                .formatted(
                    seconds, cpu, meanMillis(start, end), end.loadBulks() - start.loadBulks()),
            "retention: %.0f documents in %.0f runs (%.0f per run), run mean %.0f ms, max %.0f ms; %.0f documents/s"
                .formatted(
                    deleted,
                    runs,
                    deleted / runs,
                    (end.runNanos() - start.runNanos()) / runs / 1e6,
                    end.runMaxNanos() / 1e6,
                    deleted / seconds),
            "node CPU for retention: %.0f ms in all, %.1f ms per 1,000 documents deleted"
                .formatted(extraCpuMillis, extraCpuMillis / deleted * 1000));
    lines.forEach(System.out::println);
    Files.createDirectories(Path.of("target"));
    Files.write(
        Path.of("target", "retention-cost.txt"),
        lines,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** The one-minute load average (Linux), for what else the machine was doing. */
  private static String loadAverage() throws IOException {
    var file = Path.of("/proc/loadavg");
    return Files.isReadable(file) ? Files.readString(file).split(" ")[0] : "unknown";
  }

  private static double meanMillis(Snapshot from, Snapshot to) {
    var bulks = to.loadBulks() - from.loadBulks();
    return bulks == 0 ? 0 : (to.loadBulkNanos() - from.loadBulkNanos()) / bulks / 1e6;
  }

  private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
    var left = startNanos + after.toNanos() - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left); // a measurement window, not a wait for a condition
    }
  }
}
