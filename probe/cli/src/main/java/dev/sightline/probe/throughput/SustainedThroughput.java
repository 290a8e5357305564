package dev.sightline.probe.throughput;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.ElasticsearchStore;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.probe.es.ElasticsearchLease;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.net.URI;
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
  private static final String EXPORTER_ID = "direct";
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /**
   * Under a backlog, batches fill by size; a short delay only keeps the last partial batch from
   * waiting 1 s.
   */
  private static final String BULK_DELAY = "100ms";

  private SustainedThroughput() {}

  public static ThroughputResult run(ThroughputOptions options, PrintStream out) throws Exception {
    if (!Files.isRegularFile(options.exporterJar())) {
      throw new IllegalStateException(
          "the exporter jar "
              + options.exporterJar()
              + " is missing: build with ./sightline build");
    }
    var runId = RUN_ID.format(Instant.now());
    try (var lease =
        ElasticsearchLease.of(
            options.elasticsearch(),
            options.elasticsearchVersion(),
            options.elasticsearchHeap(),
            out)) {
      var result =
          run(
              options,
              lease.url(),
              lease.embeddedVersion().map(Object::toString).orElse(null),
              runId,
              out);
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
      ThroughputOptions options, URI es, String embeddedVersion, String runId, PrintStream out)
      throws Exception {
    var records = generate(options, out);
    var json = new ObjectMapper();
    var prefix = options.indexPrefix().orElse("tp-" + runId);
    var rest = ElasticsearchClients.create(config(es, prefix, options).connect());
    var client =
        new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(json)));
    try {
      var version = embeddedVersion != null ? embeddedVersion : versionOf(es, json);
      var rounds = new ArrayList<ThroughputRound>();
      for (int round = 1; round <= options.rounds(); round++) {
        rounds.add(round(options, es, prefix + "-" + round, round, records, client, json, out));
      }
      long recordCount = records.values().stream().mapToLong(List::size).sum();
      return new ThroughputResult(
          runId, version, options.partitions(), options.instances(), recordCount, rounds);
    } finally {
      rest.close();
    }
  }

  private static ThroughputRound round(
      ThroughputOptions options,
      URI es,
      String prefix,
      int round,
      Map<Integer, List<Record<?>>> records,
      ElasticsearchClient client,
      ObjectMapper json,
      PrintStream out)
      throws Exception {
    var directPrefix = prefix + "-direct";
    var rawPrefix = prefix + "-raw";
    var directSchema = ReadModelWriter.schema(config(es, directPrefix, options));
    var rawSchema = ReadModelWriter.schema(config(es, rawPrefix, options));
    var directStore =
        new ElasticsearchStore(rest(client), directSchema, StoreFactory.MAX_BULK_REQUEST_BYTES);
    var rawStore =
        new ElasticsearchStore(rest(client), rawSchema, StoreFactory.MAX_BULK_REQUEST_BYTES);
    try {
      out.printf(
          "round %d: direct, %d exporters (one per partition) from %s…%n",
          round, options.partitions(), options.exporterJar());
      var direct = runDirect(options, es, directPrefix, records);
      var indices = ReadModelSchema.INDICES.stream().map(directSchema::indexName).toList();
      var reader = new ReadModelReader(client);
      var documents = reader.readAll(indices);
      out.printf(
          "round %d: %,d documents in %.2f s; raw bulk of the same documents…%n",
          round, documents.size(), direct.elapsed().toNanos() / 1e9);

      rawStore.ensureSchema();
      var rawTime =
          new RawBulk(client, options.bulkSize(), options.partitions())
              .write(documents, index -> rawPrefix + index.substring(directPrefix.length()));
      for (var index : indices) {
        var rawIndex = rawPrefix + index.substring(directPrefix.length());
        long expected = reader.count(index);
        long actual = reader.count(rawIndex);
        if (expected != actual) {
          throw new IllegalStateException(
              "raw bulk wrote %d documents into %s, the exporter %d into %s"
                  .formatted(actual, rawIndex, expected, index));
        }
      }
      return new ThroughputRound(
          round,
          direct.bulkOperations(),
          documents.size(),
          direct.elapsed(),
          direct.flushes(),
          direct.flushTime(),
          rawTime);
    } finally {
      if (!options.keepIndices()) {
        directStore.purge();
        rawStore.purge();
      }
    }
  }

  private record DirectRun(
      Duration elapsed, long bulkOperations, long flushes, Duration flushTime) {}

  private static DirectRun runDirect(
      ThroughputOptions options, URI es, String prefix, Map<Integer, List<Record<?>>> records)
      throws Exception {
    var args = new TreeMap<String, Object>();
    args.put("connect.url", es.toString());
    args.put("index.prefix", prefix);
    args.put("bulk.size", options.bulkSize());
    args.put("bulk.delay", BULK_DELAY);
    var descriptor =
        new ExporterDescriptor(
            EXPORTER_ID,
            "dev.sightline.exporter.SightlineExporter",
            Optional.of(options.exporterJar()),
            args);
    try (var host = BrokerHost.builder().exporter(descriptor).build()) {
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
        if (!partition.awaitAcknowledged(EXPORTER_ID, last, TIMEOUT)) {
          throw new IllegalStateException(
              "partition %d: position %d not acknowledged within %s (acknowledged: %d)%s"
                  .formatted(
                      entry.getKey(),
                      last,
                      TIMEOUT,
                      host.acknowledgedPosition(entry.getKey(), EXPORTER_ID),
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
      return new DirectRun(
          elapsed, (long) bulkOperations, flushes, Duration.ofNanos((long) flushNanos));
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

  private static ExporterConfig config(URI es, String prefix, ThroughputOptions options) {
    return ConfigParser.parse(
        Map.of(
            "connect.url", es.toString(), "index.prefix", prefix, "bulk.size", options.bulkSize()));
  }

  /** From the nodes info: the embedded node answers no {@code GET /}. */
  private static String versionOf(URI es, ObjectMapper json) throws Exception {
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      es.resolve("/_nodes/_local?filter_path=nodes.*.version"))
                  .GET()
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      var nodes = json.readTree(response.body()).path("nodes");
      return nodes.isEmpty()
          ? "unknown"
          : nodes.elements().next().path("version").asText("unknown");
    }
  }

  private static Map<String, Object> summary(ThroughputResult result) {
    var summary = new LinkedHashMap<String, Object>();
    summary.put("runId", result.runId());
    summary.put("elasticsearchVersion", result.elasticsearchVersion());
    summary.put("partitions", result.partitions());
    summary.put("instances", result.instances());
    summary.put("records", result.records());
    var rounds = new ArrayList<Map<String, Object>>();
    for (var round : result.rounds()) {
      var r = new LinkedHashMap<String, Object>();
      r.put("round", round.round());
      r.put("bulkOperations", round.bulkOperations());
      r.put("documents", round.documents());
      r.put("directSeconds", round.direct().toNanos() / 1e9);
      r.put("flushes", round.flushes());
      r.put("meanFlushMillis", round.meanFlushMillis());
      r.put("rawSeconds", round.raw().toNanos() / 1e9);
      r.put("ratio", round.ratio());
      rounds.add(r);
    }
    summary.put("rounds", rounds);
    summary.put("measuredRound", result.measured().round());
    summary.put("ratio", result.measured().ratio());
    return summary;
  }

  private static org.elasticsearch.client.RestClient rest(ElasticsearchClient client) {
    return ((RestClientTransport) client._transport()).restClient();
  }
}
