package dev.sightline.it.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.latency.Expectation;
import dev.sightline.probe.latency.Observation;
import dev.sightline.probe.latency.ProbeMode;
import dev.sightline.probe.latency.ProbeReport;
import dev.sightline.probe.latency.ProbeSettings;
import dev.sightline.probe.latency.VisibilityProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof that the probe measures visibility truly (docs/latency.md, "Proof of truth"). With the
 * final index's {@code refresh_interval} set to I, under an open-loop trickle whose flushes fall at
 * random phases of the refresh cycle, the delay from a document's flush (bulk response) to the
 * probe's first {@code _search} hit must be spread like U(0, I): p50 near I/2, p10 low, p90 high,
 * max ≤ I + poll period + slack. A probe that used a real-time GET, or measured the flush itself,
 * sees ≈ 0 and fails the band; a second probe in {@link ProbeMode#REALTIME_GET} runs alongside as
 * that negative control.
 */
@RealEngines
class VisibilityProofIT {

  private static final Clock CLOCK = Clock.systemUTC();
  private static final double RECORDS_PER_SECOND = 40;
  private static final Duration BULK_DELAY = Duration.ofMillis(20);
  private static final Duration POLL = Duration.ofMillis(15);

  /**
   * What a noisy 2-core machine adds on top of the refresh interval and the poll period
   * (docs/latency.md).
   */
  private static final double MAX_SLACK_MILLIS = 500;

  @ParameterizedTest(name = "refresh_interval {0} ms")
  @ValueSource(ints = {200, 1_000, 3_000})
  void shouldSeeDocumentsUniformlyWithinOneRefreshIntervalAfterTheirFlush(
      int refreshMillis, EngineTarget es) throws Exception {
    // given an exporter whose store notes each document's flush, and the refresh interval set to I
    var index = es.index("process-instance-v2");
    var flushes = new AtomicReference<FlushTimesStore>();
    StoreFactory storeFactory =
        (config, schema, json) -> {
          var store =
              new FlushTimesStore(StoreFactory.ELASTICSEARCH.create(config, schema, json), CLOCK);
          flushes.set(store);
          return store;
        };
    Map<String, Object> args =
        Map.of(
            "connect", Map.of("url", es.url().toString()),
            "index", Map.of("prefix", es.indexPrefix()),
            "bulk", Map.of("delay", BULK_DELAY.toMillis() + "ms", "size", 1000));
    var source = new AppendingRecordSource();
    var visibleAt = new ConcurrentHashMap<String, Long>();
    var durableAt = new ConcurrentHashMap<String, Long>();
    var duration = Duration.ofMillis(Math.max(6_000, 4L * refreshMillis));
    ProbeReport visibleReport;
    ProbeReport durableReport;
    int sent;
    try (var host =
        BrokerHost.builder()
            .clock(CLOCK)
            .inProcessExporter("sightline", args, () -> new SightlineExporter(storeFactory))
            .build()) {
      var partition = host.startPartition(1, source);
      partition.opened().get(60, TimeUnit.SECONDS);
      setRefreshInterval(es.url(), index, refreshMillis);

      var settings = ProbeSettings.defaults(es.url()).withPollInterval(POLL);
      try (var searchProbe =
              VisibilityProbe.start(settings, o -> visibleAt.put(idOf(o), o.seenAtMicros()));
          var getProbe =
              VisibilityProbe.start(
                  settings.withMode(ProbeMode.REALTIME_GET),
                  o -> durableAt.put(idOf(o), o.seenAtMicros()))) {
        // when an open-loop trickle of process instances runs for at least four refresh intervals
        sent =
            new Trickle(CLOCK, refreshMillis)
                .run(
                    RECORDS_PER_SECOND,
                    duration,
                    record -> {
                      var expectation =
                          Expectation.visible(
                              index, Long.toString(record.getKey()), record.getTimestamp());
                      searchProbe.expect(expectation);
                      getProbe.expect(expectation);
                      source.append(record);
                    });
        var settle = Duration.ofMillis(refreshMillis).plusSeconds(20);
        assertThat(searchProbe.awaitNothingPending(settle))
            .as("every document found by _search")
            .isTrue();
        assertThat(getProbe.awaitNothingPending(settle)).as("every document found by GET").isTrue();
        visibleReport = searchProbe.report();
        durableReport = getProbe.report();
      }
      partition.stop();
    }

    // then visible − flushed spreads over one refresh interval; durable − flushed does not
    var visible = new ArrayList<Long>();
    var durable = new ArrayList<Long>();
    for (var entry : visibleAt.entrySet()) {
      var flushedAt = flushes.get().flushedAtMicros(index, entry.getKey());
      assertThat(flushedAt).as("flush time of %s", entry.getKey()).isNotNull();
      visible.add(entry.getValue() - flushedAt);
      durable.add(durableAt.get(entry.getKey()) - flushedAt);
    }
    var afterFlush = Delays.of(visible);
    var getAfterFlush = Delays.of(durable);
    var pollP99Millis = visibleReport.pollPeriodMicros().getValueAtPercentile(99) / 1_000.0;
    var pollMaxMillis = visibleReport.pollPeriodMicros().getMaxValue() / 1_000.0;
    var band = Band.forInterval(refreshMillis, pollP99Millis, pollMaxMillis, MAX_SLACK_MILLIS);
    report(es, refreshMillis, sent, afterFlush, getAfterFlush, visibleReport, band);

    assertThat(afterFlush.count()).as("documents measured").isEqualTo(sent);
    assertThat(afterFlush.percentileMillis(50))
        .as("p50 of visible − flushed, %s", band)
        .isBetween(band.p50Low(), band.p50High());
    assertThat(afterFlush.percentileMillis(10))
        .as("p10: spread, not a constant delay")
        .isLessThanOrEqualTo(band.p10High());
    assertThat(afterFlush.percentileMillis(90))
        .as("p90: spread, not a constant delay")
        .isGreaterThanOrEqualTo(band.p90Low());
    assertThat(afterFlush.maxMillis())
        .as("max of visible − flushed")
        .isLessThanOrEqualTo(band.maxHigh());
    assertThat(getAfterFlush.percentileMillis(50))
        .as("negative control: a GET-based probe would fail the band")
        .isLessThan(band.p50Low());
  }

  private static String idOf(Observation observation) {
    return observation.expectation().id();
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
      int refreshMillis,
      int sent,
      Delays visible,
      Delays durable,
      ProbeReport probe,
      Band band)
      throws IOException {
    var text =
        """
        %s, refresh_interval %d ms, %d records (%.0f/s open loop, bulk.delay %d ms)
          visible - flushed: %s
          durable - flushed (GET): %s
          band: %s
        %s
        """
            .formatted(
                es.version().displayName(),
                refreshMillis,
                sent,
                RECORDS_PER_SECOND,
                BULK_DELAY.toMillis(),
                visible.describe(),
                durable.describe(),
                band,
                probe.describe());
    System.out.println(text);
    var dir = Path.of("target", "latency-proof");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("engine-" + es.version().id() + "-refresh-" + refreshMillis + "ms.txt"), text);
  }

  /**
   * The accepted ranges for one refresh interval I, in milliseconds; derivation in docs/latency.md.
   *
   * @param p50Low 0.3 I: a median below it means the probe saw documents before a refresh could
   *     (GET, flush)
   * @param p50High 0.7 I + the poll period's p99 + 50 ms (refresh duration)
   * @param p10High 0.35 I + the poll period's p99 + 50 ms (U(0, I) has p10 = 0.1 I)
   * @param p90Low 0.6 I (U(0, I) has p90 = 0.9 I)
   * @param maxHigh I + the longest poll period + slack
   */
  record Band(double p50Low, double p50High, double p10High, double p90Low, double maxHigh) {

    static Band forInterval(
        int intervalMillis, double pollP99Millis, double pollMaxMillis, double slackMillis) {
      return new Band(
          0.3 * intervalMillis,
          0.7 * intervalMillis + pollP99Millis + 50,
          0.35 * intervalMillis + pollP99Millis + 50,
          0.6 * intervalMillis,
          intervalMillis + pollMaxMillis + slackMillis);
    }

    @Override
    public String toString() {
      return "p50 in [%.0f, %.0f] ms, p10 <= %.0f ms, p90 >= %.0f ms, max <= %.0f ms"
          .formatted(p50Low, p50High, p10High, p90Low, maxHigh);
    }
  }
}
