package dev.sightline.probe.compare;

import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.probe.compare.OtherExporter.WatchId;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.latency.Expectation;
import dev.sightline.probe.latency.ProbeReport;
import dev.sightline.probe.latency.ProbeSettings;
import dev.sightline.probe.latency.VisibilityListener;
import dev.sightline.probe.latency.VisibilityProbe;
import dev.sightline.probe.report.IndexRefresh;
import dev.sightline.probe.report.Stages;
import dev.sightline.probe.report.VariantResult;
import dev.sightline.probe.twohop.importer.Importer;
import dev.sightline.probe.twohop.importer.ImporterSettings;
import dev.sightline.probe.twohop.recordindex.RecordIndexNames;
import dev.sightline.probe.workload.Pacer;
import dev.sightline.probe.workload.RealTimeDriver;
import dev.sightline.probe.workload.Workload;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.micrometer.core.instrument.Counter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Runs one variant on a node or cluster: the broker-like host loads the real exporter jar, the
 * open-loop workload feeds it in real time, the reader-side probe watches every process instance's
 * document (and, two-hop, its record in {@code zeebe-record-*}); then the run drains ({@link
 * Drain}) and everything is closed; afterwards the exporters' {@code .hlog} files, complete once
 * closed, give the other stages.
 */
final class VariantRunner {

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private final Topology topology;
  private final ExporterJars jars;
  private final Path runDir;
  private final String runId;
  private final Duration drainTimeout;
  private final PrintStream out;
  private final Progress progress;
  private final InstantSource clock = InstantSource.system();

  VariantRunner(
      Topology topology,
      ExporterJars jars,
      Path runDir,
      String runId,
      Duration drainTimeout,
      PrintStream out,
      ProgressStyle progressStyle) {
    this.topology = topology;
    this.jars = jars;
    this.runDir = runDir;
    this.runId = runId;
    this.drainTimeout = drainTimeout;
    this.out = out;
    this.progress = new Progress(out, progressStyle, clock);
  }

  /** {@code cmp-<run>-<n>-<label>}: the indices of the {@code n}th variant of the run. */
  static String indexPrefix(String runId, int ordinal, Variant variant) {
    return "cmp-" + runId + "-" + ordinal + "-" + variant.slug();
  }

  /**
   * The variant's exporter as a run loads it: Sightline's and the record-index exporter with the
   * run's nodes and replicas ({@link Topology#exporterArgs}), indices and latency log, and the
   * variant's settings on top.
   */
  static ExporterDescriptor exporter(
      Variant variant, ExporterJars jars, Topology topology, String prefix, Path hlogDir) {
    var args = new TreeMap<String, Object>(topology.exporterArgs());
    args.put("index.prefix", variant.design() == Design.TWO_HOP ? recordPrefix(prefix) : prefix);
    args.put("latency.hlog.path", hlogDir.toString());
    args.put("latency.hlog.interval", "1s");
    return VariantExporters.descriptor(
        variant, jars, topology.connectUrl(), prefix, Optional.of(hlogDir), args);
  }

  private static String recordPrefix(String prefix) {
    return prefix + "-zeebe-record";
  }

  VariantResult run(int ordinal, Variant variant, Workload workload) throws Exception {
    var label = variant.label();
    var design = variant.design();
    var prefix = indexPrefix(runId, ordinal, variant);
    var recordPrefix = recordPrefix(prefix);
    var exporterHlog = runDir.resolve(label + "-exporter-hlog");
    var importerHlog = runDir.resolve(label + "-importer-hlog");
    var partitions = workload.spec().partitions();
    var watchedIndex =
        variant
            .spec()
            .other()
            .map(other -> other.watchIndex(prefix))
            .orElse(ProcessInstanceIndex.DESCRIPTOR.indexName(prefix));
    var watchId = variant.spec().other().map(OtherExporter::watchId).orElse(WatchId.KEY);
    var recordAlias = new RecordIndexNames(recordPrefix).alias(ValueType.PROCESS_INSTANCE);
    var measuredFrom = workload.measuredFrom().toEpochMilli();

    var lastPositions = new ConcurrentHashMap<Integer, Long>();
    var sources = new HashMap<Integer, AppendingRecordSource>();
    var startedAt = System.nanoTime();
    List<String> unfinished;
    ProbeReport report;
    Optional<IndexRefresh> refresh;
    double exporterSearches;
    long appended;
    double elapsedSeconds;
    try (var host =
            BrokerHost.builder()
                .exporter(exporter(variant, jars, topology, prefix, exporterHlog))
                .build();
        var importer =
            design == Design.TWO_HOP
                ? Importer.start(
                    importerSettings(topology, prefix, recordPrefix, partitions, importerHlog),
                    clock)
                : null;
        var probe =
            VisibilityProbe.start(
                ProbeSettings.defaults(topology.firstNode()), VisibilityListener.NONE)) {
      for (int p = 1; p <= partitions; p++) {
        sources.put(p, new AppendingRecordSource());
        host.startPartition(p, sources.get(p));
      }
      RecordSinkWithProbe sink =
          (partition, record) -> {
            sources.get(partition).append(record);
            lastPositions.put(partition, record.getPosition());
            if (record.getTimestamp() < measuredFrom) {
              return;
            }
            var lifecycle = processLifecycle(record);
            if (lifecycle == ProcessLifecycle.COMPLETED && design != Design.OTHER) {
              // Sightline's documents carry position: the completion is the version at its own
              probe.expect(
                  new Expectation(
                      Stages.VISIBLE_COMPLETED,
                      watchedIndex,
                      Long.toString(record.getKey()),
                      record.getPosition(),
                      record.getTimestamp()));
            }
            if (lifecycle == ProcessLifecycle.STARTED) {
              var id = watchId.of(partition, record.getPosition(), record.getKey());
              probe.expect(
                  new Expectation(
                      Stages.VISIBLE,
                      watchedIndex,
                      id,
                      // another exporter's documents may carry no position: their first appearance
                      design == Design.OTHER ? Expectation.ANY_POSITION : record.getPosition(),
                      record.getTimestamp()));
              if (design == Design.TWO_HOP) {
                probe.expect(
                    new Expectation(
                        Stages.RECORD_VISIBLE,
                        recordAlias,
                        partition + "-" + record.getPosition(),
                        record.getTimestamp()));
              }
            }
          };
      var driver = new RealTimeDriver(workload, sink::append, clock, Pacer.sleeping(clock));
      var driving = Thread.ofPlatform().name("workload-" + label).start(driver);
      var total = workload.spec().warmUp().plus(workload.spec().duration());
      while (driving.isAlive()) {
        driving.join(PROGRESS_EVERY);
        trim(host, sources, label);
        var driverProgress = driver.progress();
        progress.show(
            "%s %s appended %,d records, behind %d ms, probe pending %,d"
                .formatted(
                    label,
                    bar(System.nanoTime() - startedAt, total),
                    driverProgress.appended(),
                    driverProgress.behind().toMillis(),
                    probe.pending()));
      }
      progress.end();
      out.printf("%s: draining…%n", label);
      unfinished = Drain.await(host, label, lastPositions, probe, drainTimeout);
      if (!unfinished.isEmpty()) {
        out.println(Drain.describe(label, drainTimeout, unfinished));
      }
      elapsedSeconds = (System.nanoTime() - startedAt) / 1e9;
      report = probe.report();
      refresh = IndexRefreshReader.read(topology.firstNode(), watchedIndex);
      exporterSearches =
          host.meterRegistry().find("sightline.exporter.visibility.searches").counters().stream()
              .mapToDouble(Counter::count)
              .sum();
      refresh.ifPresent(r -> out.printf("%s: %s%n", label, r.describe()));
      appended = driver.progress().appended();
    }
    // The exporters and the importer write their last .hlog interval when they close: read the
    // files only now that the host and the importer are closed.
    var stages = new LinkedHashMap<String, Histogram>();
    stages.putAll(
        HlogStages.read(
            exporterHlog,
            "PROCESS_INSTANCE",
            measuredFrom,
            Map.of(
                Stages.EXPORTER_LAG,
                Stages.EXPORTER_LAG,
                Stages.BATCH_WAIT,
                Stages.BATCH_WAIT,
                Stages.BULK,
                Stages.BULK,
                Stages.FLUSHED,
                Stages.FLUSHED,
                "visible",
                Stages.EXPORTER_VISIBLE)));
    if (design == Design.TWO_HOP) {
      copy(report.latencyMicrosByStage(), Stages.RECORD_VISIBLE, stages);
      stages.putAll(
          HlogStages.read(
              importerHlog,
              "PROCESS_INSTANCE",
              measuredFrom,
              Map.of(Stages.FLUSHED, Stages.IMPORTED)));
    }
    copy(report.latencyMicrosByStage(), Stages.VISIBLE, stages);
    copy(report.latencyMicrosByStage(), Stages.VISIBLE_COMPLETED, stages);
    var pollPeriod = report.pollPeriodMicros();
    return new VariantResult(
        label,
        variant.description(),
        variant.settings(),
        appended,
        appended / elapsedSeconds,
        workload.spec().duration().toMillis() / 1000.0,
        stages,
        new VariantResult.ProbeFigures(
            pollPeriod.getTotalCount() == 0 ? 0 : pollPeriod.getValueAtPercentile(50) / 1000.0,
            pollPeriod.getTotalCount() == 0 ? 0 : pollPeriod.getValueAtPercentile(99) / 1000.0,
            report.requestsPerSecond(),
            report.met(),
            report.shed(),
            report.timedOut() + report.pending(),
            exporterSearches / elapsedSeconds),
        unfinished,
        refresh);
  }

  @FunctionalInterface
  private interface RecordSinkWithProbe {
    void append(int partitionId, Record<?> record);
  }

  private enum ProcessLifecycle {
    STARTED,
    COMPLETED,
    OTHER
  }

  /** A process instance's first (ELEMENT_ACTIVATING) or completing (ELEMENT_COMPLETED) record. */
  private static ProcessLifecycle processLifecycle(Record<?> record) {
    if (record.getValueType() != ValueType.PROCESS_INSTANCE
        || ((ProcessInstanceRecordValue) record.getValue()).getBpmnElementType()
            != BpmnElementType.PROCESS) {
      return ProcessLifecycle.OTHER;
    }
    if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      return ProcessLifecycle.STARTED;
    }
    return record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        ? ProcessLifecycle.COMPLETED
        : ProcessLifecycle.OTHER;
  }

  /**
   * The two-hop importer of a run: its read-model writer on the run's nodes and replicas ({@link
   * Topology#exporterArgs}), with 8.6's refresh behaviour.
   */
  static ImporterSettings importerSettings(
      Topology topology, String readModelPrefix, String recordPrefix, int partitions, Path hlog) {
    var args = new HashMap<String, Object>(topology.exporterArgs());
    args.put("index.prefix", readModelPrefix);
    args.put("latency.hlog.path", hlog.toString());
    args.put("latency.hlog.interval", "1s");
    // Camunda 8.6's importers leave searchability to the index's refresh interval
    args.put("visibility.refresh", "engine");
    var readModel = ConfigParser.parse(args);
    var ids = java.util.stream.IntStream.rangeClosed(1, partitions).boxed().toList();
    return ImporterSettings.defaults(readModel, ids, ReadModelRecordFilter.valueTypes())
        .withRecordIndexPrefix(recordPrefix)
        .withPositionIndex(recordPrefix + "-import-position");
  }

  /**
   * Drops what the exporter acknowledged, as a broker compacts its log: a long run stays small in
   * memory.
   */
  private static void trim(
      BrokerHost host, Map<Integer, AppendingRecordSource> sources, String exporterId) {
    sources.forEach(
        (partition, source) -> source.trimUpTo(host.acknowledgedPosition(partition, exporterId)));
  }

  private static void copy(Map<String, Histogram> from, String stage, Map<String, Histogram> to) {
    var histogram = from.get(stage);
    if (histogram != null) {
      to.put(stage, histogram);
    }
  }

  private static String bar(long elapsedNanos, Duration total) {
    var fraction = Math.min(1.0, elapsedNanos / (double) total.toNanos());
    var filled = (int) Math.round(fraction * 30);
    return "["
        + "=".repeat(filled)
        + " ".repeat(30 - filled)
        + "] "
        + (int) Math.round(fraction * 100)
        + "%";
  }
}
