package dev.sightline.probe.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.ElasticsearchStore;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.probe.compare.ExporterJars;
import dev.sightline.probe.compare.InvalidVariantException;
import dev.sightline.probe.compare.Topology;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.compare.VariantExporters;
import dev.sightline.probe.es.ElasticsearchLease;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./sightline throughput}: how fast the direct exporter, loaded from its jar by the
 * broker-like host, turns a backlog of records into the read model — against a raw bulk of the very
 * documents it ended with, on the same node, in the same run. Every partition's records are in its
 * log before the clock starts (a backlog: the exporters run flat out); the clock stops when every
 * partition acknowledged its last record. The raw bulk then writes the documents read back from the
 * exporter's indices into a second set of indices with the same mappings, with the same bulk size
 * and as many writers as partitions; the counts must match.
 */
public final class SustainedThroughput {

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /**
   * Under a backlog, batches fill by size; a short delay only keeps the last partial batch from
   * waiting 1 s.
   */
  private static final String BULK_DELAY = "100ms";

  private SustainedThroughput() {}

  /**
   * @throws InvalidVariantException before anything starts, if two variants share a label or the
   *     exporter refuses a variant's settings
   */
  public static ThroughputResult run(ThroughputOptions options, PrintStream out) throws Exception {
    new ExporterJars(options.exporterJar(), null).requirePresent(true, false);
    Variant.requireDistinctLabels(options.variants());
    var someNodes = Topology.beforeStart(options.elasticsearch(), options.nodes());
    VariantExporters.check(
        options.variants(),
        variant -> exporter(variant, options, someNodes, "check-" + variant.slug()));
    var runId = RUN_ID.format(Instant.now());
    try (var lease =
        ElasticsearchLease.of(
            options.elasticsearch(),
            options.engineVersion(),
            options.nodes(),
            options.elasticsearchHeap(),
            out)) {
      var topology = Topology.of(lease);
      out.printf(
          "On %s%s%n",
          topology.describe(),
          options.elasticsearch().isEmpty() ? "" : " at " + topology.connectUrl());
      var result = run(options, topology, runId, out);
      var runDir = options.outputRoot().resolve("throughput-" + runId);
      Files.createDirectories(runDir);
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(runDir.resolve("summary.json").toFile(), summary(result));
      out.println();
      out.print(result.render());
      out.printf("%nResults: %s%n", runDir.resolve("summary.json").toAbsolutePath());
      return result;
    }
  }

  private static ThroughputResult run(
      ThroughputOptions options, Topology topology, String runId, PrintStream out)
      throws Exception {
    var records = generate(options, out);
    var prefix = options.indexPrefix().orElse("tp-" + runId);
    try (var client = ElasticsearchClients.create(config(topology, prefix, options).connect())) {
      var rounds = new ArrayList<ThroughputRound>();
      for (int round = 1; round <= options.rounds(); round++) {
        rounds.add(round(options, topology, prefix + "-" + round, round, records, client, out));
      }
      long recordCount = records.values().stream().mapToLong(List::size).sum();
      return new ThroughputResult(
          runId, topology, options.partitions(), options.instances(), recordCount, rounds);
    }
  }

  private static ThroughputRound round(
      ThroughputOptions options,
      Topology topology,
      String prefix,
      int round,
      Map<Integer, List<Record<?>>> records,
      RestClient client,
      PrintStream out)
      throws Exception {
    var rawPrefix = prefix + "-raw";
    var variantPrefixes = new ArrayList<String>();
    for (int i = 0; i < options.variants().size(); i++) {
      variantPrefixes.add(prefix + "-" + (i + 1) + "-" + options.variants().get(i).slug());
    }
    var stores = new ArrayList<ElasticsearchStore>();
    for (var indexPrefix : variantPrefixes) {
      stores.add(store(client, topology, indexPrefix, options));
    }
    var rawStore =
        new ElasticsearchStore(
            client, rawSchema(options, topology, rawPrefix), StoreFactory.MAX_BULK_REQUEST_BYTES);
    try {
      var runs = new ArrayList<ExporterRun>();
      for (int i = 0; i < options.variants().size(); i++) {
        var variant = options.variants().get(i);
        out.printf(
            "round %d: %s, %d exporters (one per partition) from %s…%n",
            round, variant.label(), options.partitions(), options.exporterJar());
        var run = runExporters(options, topology, variantPrefixes.get(i), variant, records);
        runs.add(run);
        out.printf(
            "round %d: %s done in %.2f s%n", round, variant.label(), run.elapsed().toNanos() / 1e9);
      }
      // Every variant ends with the same documents (checked below): the raw bulk writes the
      // first's.
      var firstPrefix = variantPrefixes.getFirst();
      var indices = indexNames(topology, firstPrefix, options);
      var reader = new ReadModelReader(client);
      var documents = reader.readAll(indices);
      out.printf("round %d: raw bulk of the %,d documents…%n", round, documents.size());
      rawStore.ensureSchema();
      var rawTime =
          new RawBulk(client, options.bulkSize(), options.partitions())
              .write(documents, index -> rawPrefix + index.substring(firstPrefix.length()));
      for (var index : indices) {
        var suffix = index.substring(firstPrefix.length());
        long raw = reader.count(rawPrefix + suffix);
        for (var variantPrefix : variantPrefixes) {
          long written = reader.count(variantPrefix + suffix);
          if (written != raw) {
            throw new IllegalStateException(
                "raw bulk wrote %d documents into %s, the exporter %d into %s"
                    .formatted(raw, rawPrefix + suffix, written, variantPrefix + suffix));
          }
        }
      }
      return new ThroughputRound(round, documents.size(), rawTime, runs);
    } finally {
      if (!options.keepIndices()) {
        for (var store : stores) {
          store.purge();
        }
        rawStore.purge();
      }
    }
  }

  /** A store on the run's client: closing it would close the client, so it is never closed. */
  private static ElasticsearchStore store(
      RestClient client, Topology topology, String prefix, ThroughputOptions options) {
    return new ElasticsearchStore(
        client,
        ReadModelWriter.schema(config(topology, prefix, options)),
        StoreFactory.MAX_BULK_REQUEST_BYTES);
  }

  /**
   * The raw bulk's indices: those of the first variant's exporter, whose documents it writes — the
   * same mappings, shards and replicas (on a cluster, {@link Topology#replicas}) — under {@code
   * rawPrefix}, so that the ratio compares like with like.
   */
  static ReadModelSchema rawSchema(ThroughputOptions options, Topology topology, String rawPrefix) {
    var exporter = exporter(options.variants().getFirst(), options, topology, rawPrefix);
    return ReadModelWriter.schema(ConfigParser.parse(exporter.args()));
  }

  private static List<String> indexNames(
      Topology topology, String prefix, ThroughputOptions options) {
    var schema = ReadModelWriter.schema(config(topology, prefix, options));
    return ReadModelSchema.INDICES.stream().map(schema::indexName).toList();
  }

  /**
   * The variant's exporter: the run's nodes and replicas, its indices, bulks of {@code
   * --bulk-size}, a short delay, and the variant's settings on top.
   */
  static ExporterDescriptor exporter(
      Variant variant, ThroughputOptions options, Topology topology, String prefix) {
    var args = new TreeMap<String, Object>(topology.exporterArgs());
    args.put("index.prefix", prefix);
    args.put("bulk.size", options.bulkSize());
    args.put("bulk.delay", BULK_DELAY);
    return VariantExporters.descriptor(
        variant,
        new ExporterJars(options.exporterJar(), null),
        topology.connectUrl(),
        prefix,
        Optional.empty(),
        args);
  }

  private static ExporterRun runExporters(
      ThroughputOptions options,
      Topology topology,
      String prefix,
      Variant variant,
      Map<Integer, List<Record<?>>> records)
      throws Exception {
    var exporterId = variant.label();
    try (var host =
        BrokerHost.builder().exporter(exporter(variant, options, topology, prefix)).build()) {
      var sources = new HashMap<Integer, AppendingRecordSource>();
      for (int p = 1; p <= options.partitions(); p++) {
        sources.put(p, new AppendingRecordSource());
        host.startPartition(p, sources.get(p)).opened().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      var started = System.nanoTime();
      records.forEach((partition, log) -> sources.get(partition).appendAll(log));
      for (var entry : records.entrySet()) {
        var partition = host.partition(entry.getKey()).orElseThrow();
        var last = entry.getValue().getLast().getPosition();
        if (!partition.awaitAcknowledged(exporterId, last, TIMEOUT)) {
          throw new IllegalStateException(
              "%s, partition %d: position %d not acknowledged within %s (acknowledged: %d)%s"
                  .formatted(
                      exporterId,
                      entry.getKey(),
                      last,
                      TIMEOUT,
                      host.acknowledgedPosition(entry.getKey(), exporterId),
                      partition.failure().map(f -> "; failure: " + f).orElse("")));
        }
      }
      var elapsed = Duration.ofNanos(System.nanoTime() - started);
      var meters = host.meterRegistry();
      var bulkOperations =
          meters.find("sightline.exporter.bulk.documents").summaries().stream()
              .mapToDouble(DistributionSummary::totalAmount)
              .sum();
      var flushTimers = meters.find("sightline.exporter.flush.duration").timers();
      var flushNanos =
          flushTimers.stream().mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum();
      var flushes = flushTimers.stream().mapToLong(Timer::count).sum();
      var searches =
          meters.find("sightline.exporter.visibility.searches").counters().stream()
              .mapToDouble(Counter::count)
              .sum();
      return new ExporterRun(
          exporterId,
          variant.settings(),
          (long) bulkOperations,
          elapsed,
          flushes,
          Duration.ofNanos((long) flushNanos),
          (long) searches);
    }
  }

  private static Map<Integer, List<Record<?>>> generate(
      ThroughputOptions options, PrintStream out) {
    var spec =
        WorkloadSpec.defaults()
            .withPartitions(options.partitions())
            .withRate(options.instances())
            .withDuration(Duration.ofSeconds(1), Duration.ZERO)
            .withPayloadBytes(options.payloadBytes());
    var workload = Workload.of(spec, Instant.now());
    var records = new TreeMap<Integer, List<Record<?>>>();
    IntStream.rangeClosed(1, options.partitions())
        .parallel()
        .mapToObj(p -> Map.entry(p, workload.stream(p).toList()))
        .toList()
        .forEach(e -> records.put(e.getKey(), e.getValue()));
    out.printf(
        "workload: %,d records for %,d root instances over %d partitions%n",
        records.values().stream().mapToLong(List::size).sum(),
        options.instances(),
        options.partitions());
    return records;
  }

  /**
   * The settings of the run's own client and of the raw bulk's indices: the exporters' nodes and
   * replicas ({@link Topology#exporterArgs}).
   */
  static ExporterConfig config(Topology topology, String prefix, ThroughputOptions options) {
    var args = new HashMap<String, Object>(topology.exporterArgs());
    args.put("index.prefix", prefix);
    args.put("bulk.size", options.bulkSize());
    return ConfigParser.parse(args);
  }

  private static Map<String, Object> summary(ThroughputResult result) {
    var summary = new LinkedHashMap<String, Object>();
    summary.put("runId", result.runId());
    summary.put("engine", result.topology().engine());
    summary.put("nodes", result.topology().nodes());
    summary.put("replicas", result.topology().replicas());
    summary.put("partitions", result.partitions());
    summary.put("instances", result.instances());
    summary.put("records", result.records());
    var rounds = new ArrayList<Map<String, Object>>();
    for (var round : result.rounds()) {
      var r = new LinkedHashMap<String, Object>();
      r.put("round", round.round());
      r.put("documents", round.documents());
      r.put("rawSeconds", round.raw().toNanos() / 1e9);
      var variants = new ArrayList<Map<String, Object>>();
      for (var variant : round.variants()) {
        var v = new LinkedHashMap<String, Object>();
        v.put("label", variant.label());
        v.put("settings", variant.settings());
        v.put("bulkOperations", variant.bulkOperations());
        v.put("seconds", variant.elapsed().toNanos() / 1e9);
        v.put("flushes", variant.flushes());
        v.put("meanFlushMillis", variant.meanFlushMillis());
        v.put("visibilitySearches", variant.searches());
        v.put("visibilitySearchesPerSecond", variant.searchesPerSecond());
        v.put("ratio", round.ratio(variant));
        variants.add(v);
      }
      r.put("variants", variants);
      rounds.add(r);
    }
    summary.put("rounds", rounds);
    summary.put("measuredRound", result.measured().round());
    var ratios = new LinkedHashMap<String, Object>();
    result.measured().variants().forEach(v -> ratios.put(v.label(), result.measured().ratio(v)));
    summary.put("ratios", ratios);
    return summary;
  }
}
