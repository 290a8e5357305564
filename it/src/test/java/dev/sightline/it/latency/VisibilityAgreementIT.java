package dev.sightline.it.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.latency.Expectation;
import dev.sightline.probe.latency.ProbeReport;
import dev.sightline.probe.latency.ProbeSettings;
import dev.sightline.probe.latency.VisibilityListener;
import dev.sightline.probe.latency.VisibilityProbe;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

/**
 * The exporter's own {@code visible} stage and the reader-side probe measure the same thing: in one
 * run, for the same records — every process instance's creation and its completion (an update of
 * its document) — their distributions agree within the two instruments' resolutions. The index's
 * {@code refresh_interval} is set to a known I (the exporter leaves refreshing to it: {@code
 * visibility.refresh=engine}), so that visibility spreads over (0, I) as in {@link
 * VisibilityProofIT}: an exporter stage that measured the flush, or counted an older version of a
 * document, would sit far below the probe.
 */
@RealEngines
class VisibilityAgreementIT {

  private static final Clock CLOCK = Clock.systemUTC();
  private static final int REFRESH_MILLIS = 1_000;
  private static final double STARTS_PER_SECOND = 30;
  private static final Duration DURATION = Duration.ofSeconds(8);
  private static final Duration MAX_LIFETIME = Duration.ofSeconds(2);
  private static final Duration BULK_DELAY = Duration.ofMillis(20);
  private static final Duration PROBE_POLL = Duration.ofMillis(15);
  private static final int EXPORTER_SEARCHES_PER_SECOND = 50;

  /** What a noisy 2-core machine adds to one instrument's detection (a GC pause, a late poll). */
  private static final double SLACK_MILLIS = 30;

  @Test
  void shouldMeasureTheSameVisibilityAsTheReaderSideProbe(EngineTarget es) throws Exception {
    // given an exporter that follows every document, and the refresh interval set to I
    var index = es.index("process-instance-v2");
    var hlogDir = Path.of("target", "latency-agreement", es.version().id() + "-hlog");
    deleteRecursively(hlogDir);
    Map<String, Object> args =
        Map.of(
            "connect", Map.of("url", es.url().toString()),
            "index", Map.of("prefix", es.indexPrefix()),
            "bulk", Map.of("delay", BULK_DELAY.toMillis() + "ms"),
            "visibility", Map.of("refresh", "engine"),
            "latency",
                Map.of(
                    "hlog", Map.of("path", hlogDir.toString(), "interval", "1s"),
                    "visibility",
                        Map.of(
                            "sampleOneIn",
                            1,
                            "maxSearchesPerSecond",
                            EXPORTER_SEARCHES_PER_SECOND)));
    var source = new AppendingRecordSource();
    int sent;
    ProbeReport probeReport;
    try (var host =
        BrokerHost.builder()
            .clock(CLOCK)
            .inProcessExporter("sightline", args, SightlineExporter::new)
            .build()) {
      var partition = host.startPartition(1, source);
      partition.opened().get(60, TimeUnit.SECONDS);
      setRefreshInterval(es.url(), index, REFRESH_MILLIS);
      var settings = ProbeSettings.defaults(es.url()).withPollInterval(PROBE_POLL);
      try (var probe = VisibilityProbe.start(settings, VisibilityListener.NONE)) {
        // when instances start and complete, open loop, and both instruments watch them
        sent =
            new Trickle(CLOCK, 15)
                .runWithCompletions(
                    STARTS_PER_SECOND,
                    DURATION,
                    MAX_LIFETIME,
                    record -> {
                      probe.expect(expectation(index, record));
                      source.append(record);
                    });
        assertThat(probe.awaitNothingPending(Duration.ofSeconds(30)))
            .as("the probe saw every record")
            .isTrue();
        probeReport = probe.report();
      }
      var registry = host.meterRegistry();
      Await.until(
          () -> counted(host, "visible") == sent,
          () ->
              "the exporter's visible stage saw %.0f of %d records"
                  .formatted(counted(host, "visible"), sent));
      assertThat(registry.get("sightline.exporter.visibility.pending").gauge().value()).isZero();
      partition.stop();
    }

    // then both saw every record, and their distributions agree within their resolutions
    var exporter = exporterVisible(hlogDir);
    var probe = probeReport.latencyMicros("created").copy();
    probe.add(probeReport.latencyMicros("completed"));
    var exporterPeriodMillis = 1_000.0 / EXPORTER_SEARCHES_PER_SECOND;
    var probeP99Millis = probeReport.pollPeriodMicros().getValueAtPercentile(99) / 1_000.0;
    var probeMaxMillis = probeReport.pollPeriodMicros().getMaxValue() / 1_000.0;
    var tolerance = exporterPeriodMillis + probeP99Millis + SLACK_MILLIS;
    var maxTolerance = exporterPeriodMillis + probeMaxMillis + 5 * SLACK_MILLIS;
    var flushed = exporterStage(hlogDir, "flushed:PROCESS_INSTANCE");
    report(es, sent, exporter, probe, flushed, probeReport, tolerance, maxTolerance);

    assertThat(exporter.getTotalCount()).as("records the exporter measured").isEqualTo(sent);
    assertThat(probe.getTotalCount()).as("records the probe measured").isEqualTo(sent);
    assertThat(millis(probe, 50))
        .as("the refresh interval is in effect: the probe's median is not the flush")
        .isGreaterThan(0.3 * REFRESH_MILLIS);
    for (var percentile : new double[] {10, 25, 50, 75, 90}) {
      assertThat(millis(exporter, percentile))
          .as(
              "exporter p%s vs probe p%s (%.1f ms), within ± %.1f ms",
              percentile, percentile, millis(probe, percentile), tolerance)
          .isBetween(millis(probe, percentile) - tolerance, millis(probe, percentile) + tolerance);
    }
    assertThat(exporter.getMaxValue() / 1_000.0)
        .as("exporter max vs probe max (%.1f ms)", probe.getMaxValue() / 1_000.0)
        .isBetween(
            probe.getMaxValue() / 1_000.0 - maxTolerance,
            probe.getMaxValue() / 1_000.0 + maxTolerance);
  }

  /** The creation at its position (stage {@code created}), the completion at its own. */
  private static Expectation expectation(String index, Record<?> record) {
    var stage =
        record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED ? "completed" : "created";
    return new Expectation(
        stage, index, Long.toString(record.getKey()), record.getPosition(), record.getTimestamp());
  }

  private static double counted(BrokerHost host, String outcome) {
    var counter =
        host.meterRegistry()
            .find("sightline.exporter.visibility.records")
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static double millis(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1_000.0;
  }

  /** Every interval of {@code visible:PROCESS_INSTANCE} the exporter wrote, merged. */
  private static Histogram exporterVisible(Path dir) throws IOException {
    return exporterStage(dir, "visible:PROCESS_INSTANCE");
  }

  /** Every interval of one tag the exporter wrote, merged. */
  private static Histogram exporterStage(Path dir, String tag) throws IOException {
    var merged = new Histogram(3_600_000_000L, 3);
    try (Stream<Path> files = Files.list(dir)) {
      for (var file : files.filter(f -> f.toString().endsWith(".hlog")).toList()) {
        try (var reader = new HistogramLogReader(file.toFile())) {
          for (var h = reader.nextIntervalHistogram();
              h != null;
              h = reader.nextIntervalHistogram()) {
            if (tag.equals(h.getTag())) {
              merged.add((Histogram) h);
            }
          }
        }
      }
    }
    return merged;
  }

  private static void setRefreshInterval(URI url, String index, int refreshMillis)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url + "/" + index + "/_settings"))
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"index\":{\"refresh_interval\":\"" + refreshMillis + "ms\"}}"))
            .build();
    try (var client = HttpClient.newHttpClient()) {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }

  private static void report(
      EngineTarget es,
      int sent,
      Histogram exporter,
      Histogram probe,
      Histogram flushed,
      ProbeReport probeReport,
      double tolerance,
      double maxTolerance)
      throws IOException {
    var text =
        """
        %s, refresh_interval %d ms (visibility.refresh=engine), %d records (%.0f starts/s open \
        loop, each completed within %d ms; bulk.delay %d ms)
          exporter visible (every document, %d searches/s at most): %s
          probe visible (created + completed, poll %d ms):          %s
          exporter flushed:                                         %s
          tolerance: percentiles ± %.1f ms, max ± %.1f ms
        %s
        """
            .formatted(
                es.version().displayName(),
                REFRESH_MILLIS,
                sent,
                STARTS_PER_SECOND,
                MAX_LIFETIME.toMillis(),
                BULK_DELAY.toMillis(),
                EXPORTER_SEARCHES_PER_SECOND,
                summary(exporter),
                PROBE_POLL.toMillis(),
                summary(probe),
                summary(flushed),
                tolerance,
                maxTolerance,
                probeReport.describe());
    System.out.println(text);
    var dir = Path.of("target", "latency-agreement");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(es.version().id() + ".txt"), text);
  }

  private static String summary(Histogram micros) {
    return "n=%d p10=%.1f p25=%.1f p50=%.1f p75=%.1f p90=%.1f max=%.1f ms"
        .formatted(
            micros.getTotalCount(),
            millis(micros, 10),
            millis(micros, 25),
            millis(micros, 50),
            millis(micros, 75),
            millis(micros, 90),
            micros.getMaxValue() / 1_000.0);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
