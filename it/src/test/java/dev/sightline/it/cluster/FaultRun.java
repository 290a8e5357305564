package dev.sightline.it.cluster;

import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.it.exporter.ExporterJarIT;
import dev.sightline.it.support.Await;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.workload.RealTimeDriver;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import io.camunda.zeebe.protocol.record.Record;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of the direct exporter on a cluster under the open-loop workload, with a fault in the
 * middle: records flow for a while, the fault strikes and returns once the cluster has recovered,
 * then the exporters must catch up; the load goes on a little longer and stops.
 */
final class FaultRun {

  static final int PARTITIONS = 3;
  private static final String EXPORTER = "sightline";

  /** Records flowing before the fault, at least (then the exporters must have caught up). */
  private static final Duration BEFORE_FAULT = Duration.ofSeconds(8);

  /**
   * How often the normal acknowledgement delay is measured before the fault (the largest counts).
   */
  private static final int NORMAL_DELAY_SAMPLES = 3;

  /** Load after the exporters caught up, so the end of the run is under load too. */
  private static final Duration AFTER_CATCH_UP = Duration.ofSeconds(3);

  /**
   * A clean run exports every record of a long fault run at once (a rolling restart's 3.5 minutes
   * are ~80,000 positions per partition at 4 instances/s): longer than the usual wait.
   */
  private static final Duration CLEAN_RUN_TIMEOUT = Duration.ofMinutes(5);

  /** Longer than any fault takes: the driver is stopped once the run is over. */
  private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

  /** Does something to the cluster and returns, saying what, once the cluster has recovered. */
  @FunctionalInterface
  interface Fault {
    String strike() throws Exception;
  }

  /**
   * What happened: the fault; how long the cluster took to recover; how long the exporters took
   * before the fault to acknowledge everything appended at a moment (their normal delay, the
   * largest of a few); how long after the fault they took to acknowledge everything appended by the
   * recovery; the records each partition got.
   */
  record Outcome(
      String what,
      Duration recovery,
      Duration normalDelay,
      Duration catchUp,
      Map<Integer, List<Record<?>>> records) {}

  private final List<URI> urls;
  private final String prefix;

  FaultRun(List<URI> urls, String prefix) {
    this.urls = urls;
    this.prefix = prefix;
  }

  static WorkloadSpec workload() {
    return WorkloadSpec.defaults()
        .withRate(4)
        .withPartitions(PARTITIONS)
        .withDuration(LONGEST_RUN, Duration.ZERO)
        .withIncidents(0.02, Duration.ofSeconds(1));
  }

  /** The exporter as an operator sets it up for a cluster: every node, one replica per shard. */
  static BrokerHost host(List<URI> urls, String prefix, int replicas) {
    var args = new TreeMap<String, Object>();
    args.put("connect.url", urls.stream().map(URI::toString).collect(Collectors.joining(",")));
    args.put("index.prefix", prefix);
    args.put("index.numberOfReplicas", replicas);
    return BrokerHost.builder()
        .exporter(
            new ExporterDescriptor(
                EXPORTER,
                "dev.sightline.exporter.SightlineExporter",
                Optional.of(ExporterJarIT.exporterJar()),
                args))
        .build();
  }

  Outcome run(Fault fault) throws Exception {
    var workload = Workload.of(workload(), Instant.now().plusSeconds(1));
    var sources = new HashMap<Integer, AppendingRecordSource>();
    try (var host = host(urls, prefix, 1)) {
      for (int p = 1; p <= PARTITIONS; p++) {
        sources.put(p, new AppendingRecordSource());
        host.startPartition(p, sources.get(p));
      }
      var driver = RealTimeDriver.appendingTo(workload, sources);
      var driving = Thread.ofPlatform().name("workload").start(driver);
      try {
        Thread.sleep(BEFORE_FAULT);
        // The start (schema, aliases, version check on a cluster) leaves a backlog: the fault
        // strikes once the exporters have worked it off, and after measuring how long they take
        // without a fault to acknowledge what the log holds at a moment (their normal delay).
        awaitCaughtUp(host, workload, sources);
        var timeline = LagTimeline.start(host, EXPORTER, sources);
        String what;
        Duration normalDelay = Duration.ZERO;
        Duration recovery;
        Duration catchUp;
        try {
          for (int i = 0; i < NORMAL_DELAY_SAMPLES; i++) {
            var asked = System.nanoTime();
            awaitCaughtUp(host, workload, sources);
            var delay = Duration.ofNanos(System.nanoTime() - asked);
            normalDelay = delay.compareTo(normalDelay) > 0 ? delay : normalDelay;
          }
          var struck = System.nanoTime();
          timeline.struck(struck);
          what = fault.strike();
          recovery = Duration.ofNanos(System.nanoTime() - struck);
          awaitCaughtUp(host, workload, sources);
          catchUp = Duration.ofNanos(System.nanoTime() - struck);
        } finally {
          System.out.println(timeline.stop());
        }

        Thread.sleep(AFTER_CATCH_UP);
        driver.stop();
        driving.join();
        var records = new HashMap<Integer, List<Record<?>>>();
        awaitCaughtUp(host, workload, sources)
            .forEach(
                (partition, last) ->
                    records.put(partition, appendedUpTo(workload, partition, last).toList()));
        return new Outcome(what, recovery, normalDelay, catchUp, records);
      } finally {
        driver.stop();
        driving.join();
      }
    }
  }

  /**
   * Blocks until every partition acknowledged what its log held when called; returns those last
   * positions. A partition that does not get there fails the run with the host's diagnosis printed.
   */
  private static Map<Integer, Long> awaitCaughtUp(
      BrokerHost host, Workload workload, Map<Integer, AppendingRecordSource> sources) {
    var appended = new HashMap<Integer, Long>();
    sources.forEach((partition, source) -> appended.put(partition, source.lastPosition()));
    try {
      appended.forEach(
          (partition, last) ->
              Await.acknowledged(
                  host.partition(partition).orElseThrow(),
                  EXPORTER,
                  lastExported(appendedUpTo(workload, partition, last))));
    } catch (AssertionError e) {
      System.out.println(HostDiagnosis.of(host));
      throw e;
    }
    return appended;
  }

  private static Stream<Record<?>> appendedUpTo(Workload workload, int partition, long last) {
    return workload.stream(partition).takeWhile(record -> record.getPosition() <= last);
  }

  /**
   * The position of the last record the exporter's filter accepts: a broker moves an exporter's
   * position past the records it skips only with a later record, so when the load stops on skipped
   * records, this is the last position the exporter acknowledges.
   */
  private static long lastExported(Stream<Record<?>> records) {
    var filter = new ReadModelRecordFilter();
    return records
        .filter(record -> filter.acceptType(record.getRecordType()))
        .filter(record -> filter.acceptValue(record.getValueType()))
        .filter(record -> filter.acceptIntent(record.getIntent()))
        .reduce((first, second) -> second)
        .map(Record::getPosition)
        .orElse(-1L);
  }

  /** The same records, exported without a fault to a single node under {@code prefix}. */
  static void exportCleanly(URI url, String prefix, Map<Integer, List<Record<?>>> records) {
    try (var host = host(List.of(url), prefix, 0)) {
      // the last record the broker hands the exporter: it moves past skipped ones only with a later
      records.forEach(
          (partition, list) -> {
            if (!list.isEmpty()) {
              Await.acknowledged(
                  host.startPartition(partition, ListRecordSource.of(list)),
                  EXPORTER,
                  lastExported(list.stream()),
                  CLEAN_RUN_TIMEOUT);
            }
          });
    }
  }
}
