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

/**
 * One run of the direct exporter on a cluster under the open-loop workload, with a fault in the
 * middle: records flow for a while, the fault strikes and returns once the cluster has recovered,
 * then the exporters must catch up; the load goes on a little longer and stops.
 */
final class FaultRun {

  static final int PARTITIONS = 3;
  private static final String EXPORTER = "sightline";

  /** Records flowing before the fault (the workload's timeline, not a wait for a condition). */
  private static final Duration BEFORE_FAULT = Duration.ofSeconds(8);

  /** Load after the exporters caught up, so the end of the run is under load too. */
  private static final Duration AFTER_CATCH_UP = Duration.ofSeconds(3);

  /** Longer than any fault takes: the driver is stopped once the run is over. */
  private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

  /** Does something to the cluster and returns, saying what, once the cluster has recovered. */
  @FunctionalInterface
  interface Fault {
    String strike() throws Exception;
  }

  /**
   * What happened: the fault, how long the cluster took to recover, how long (from the fault) until
   * every record appended by the recovery was acknowledged, and the records each partition got.
   */
  record Outcome(
      String what, Duration recovery, Duration catchUp, Map<Integer, List<Record<?>>> records) {}

  private final List<URI> urls;
  private final String prefix;

  FaultRun(List<URI> urls, String prefix) {
    this.urls = urls;
    this.prefix = prefix;
  }

  static WorkloadSpec workload() {
    return WorkloadSpec.defaults()
        .withRate(6)
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

        var struck = System.nanoTime();
        var what = fault.strike();
        var recovery = Duration.ofNanos(System.nanoTime() - struck);
        for (int p = 1; p <= PARTITIONS; p++) {
          Await.acknowledged(
              host.partition(p).orElseThrow(),
              EXPORTER,
              lastExported(workload, p, sources.get(p).lastPosition()));
        }
        var catchUp = Duration.ofNanos(System.nanoTime() - struck);

        Thread.sleep(AFTER_CATCH_UP);
        driver.stop();
        driving.join();
        var records = new HashMap<Integer, List<Record<?>>>();
        for (int p = 1; p <= PARTITIONS; p++) {
          var last = sources.get(p).lastPosition();
          records.put(p, workload.stream(p).takeWhile(r -> r.getPosition() <= last).toList());
          Await.acknowledged(
              host.partition(p).orElseThrow(), EXPORTER, lastExported(workload, p, last));
        }
        return new Outcome(what, recovery, catchUp, records);
      } finally {
        driver.stop();
        driving.join();
      }
    }
  }

  /**
   * The position of the last record up to {@code appended} that the exporter's filter accepts: a
   * broker moves an exporter's position past the records it skips only with a later record, so when
   * the load stops on skipped records, this is the last position the exporter acknowledges.
   */
  private static long lastExported(Workload workload, int partition, long appended) {
    var filter = new ReadModelRecordFilter();
    return workload.stream(partition)
        .takeWhile(record -> record.getPosition() <= appended)
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
      records.forEach(
          (partition, list) -> {
            if (!list.isEmpty()) {
              Await.acknowledged(
                  host.startPartition(partition, ListRecordSource.of(list)),
                  EXPORTER,
                  list.getLast().getPosition());
            }
          });
    }
  }
}
