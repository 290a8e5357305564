package dev.sightline.exporter.testing;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.BrokerRetry;
import dev.sightline.probe.host.actor.VirtualTimeScheduler;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.recordjson.CorpusFiles;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exporter hosted by the broker-like host, whose registry is Micrometer's Prometheus registry
 * (what a Zeebe 8.8 broker exposes on {@code /actuator/prometheus}), through a run that makes every
 * meter appear: the real 8.8 engine's records of the corpus, every document followed by the {@code
 * visible} stage, the variables' documents refused for good (dead letters), the first dead-letter
 * write refused too (a failed dead letter), then two minutes, so that the last-minute percentiles
 * have a window (and retention, on, has run). Virtual time; the store is in memory.
 */
public final class ScrapedRun {

  /** The 8.8 engine's records: processes, call chains, incidents, jobs, user tasks, variables. */
  public static final String RECORDS =
      "_generated__zeebe-process-test-engine/records-zeebe-8.8.0.ndjson";

  private static final int PARTITION = 1;
  private static final String PREFIX = "t";
  private static final String DEAD_LETTERS = PREFIX + "-dead-letter-v1";
  private static final String VARIABLES = PREFIX + "-variable-v1";
  private static final BrokerRetry TINY_BACKOFF =
      new BrokerRetry(Duration.ofMillis(1), Duration.ofMillis(5));

  private ScrapedRun() {}

  /** Runs the exporter as described above and returns what the registry's scrape shows after it. */
  public static PrometheusText scrape() {
    List<Record<?>> records = CorpusFiles.read(RECORDS).records();
    var lastTimestamp = records.stream().mapToLong(Record::getTimestamp).max().orElseThrow();
    var time = new VirtualTimeScheduler(Instant.ofEpochMilli(lastTimestamp));
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var store = new InMemoryStore();
    // variables refused for good go to the dead-letter index, whose first write is refused
    var firstLetter = new AtomicBoolean(true);
    store.reject(
        document -> document.key().index().equals(DEAD_LETTERS) && firstLetter.getAndSet(false),
        403,
        "cluster_block_exception",
        "index [" + DEAD_LETTERS + "] blocked by: [FORBIDDEN/8/index write (api)]");
    store.reject(
        document -> document.key().index().equals(VARIABLES),
        400,
        "document_parsing_exception",
        "failed to parse field [value]");
    Map<String, Object> args =
        Map.of(
            "index", Map.of("prefix", PREFIX),
            "latency", Map.of("visibility", Map.of("sampleOneIn", 1)),
            "retention", Map.of("enabled", true));
    try (var host =
        BrokerHost.builder()
            .inProcessExporter(
                ExporterHarness.EXPORTER_ID,
                args,
                () -> new SightlineExporter((config, schema, json) -> store))
            .scheduler(time)
            .meterRegistry(registry)
            .exportBackoff(TINY_BACKOFF)
            .openBackoff(TINY_BACKOFF)
            .build()) {
      var partition = host.startPartition(PARTITION, ListRecordSource.of(records));
      time.runUntilIdle();
      time.advanceBy(Duration.ofMinutes(2));
      var acknowledged = host.acknowledgedPosition(PARTITION, ExporterHarness.EXPORTER_ID);
      if (acknowledged < BrokerFilter.lastAccepted(records)) {
        throw new IllegalStateException(
            "the run did not finish: acknowledged "
                + acknowledged
                + " of "
                + BrokerFilter.lastAccepted(records)
                + ", failure "
                + partition.failure());
      }
      // read while the partition runs: a stopped exporter's meters are removed, as in a broker
      return PrometheusText.parse(registry.scrape());
    } finally {
      time.close();
      registry.close();
    }
  }
}
