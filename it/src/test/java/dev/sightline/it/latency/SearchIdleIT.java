package dev.sightline.it.latency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.SightlineExporter;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.es.Engine;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.AppendingRecordSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an operator sees of search-idle shards (docs/latency.md, "Search-idle shards"): a shard
 * whose index does not set {@code refresh_interval} stops its scheduled refreshes once no search
 * came for {@code index.search.idle.after} (30 s by default; 1 s here, to keep the test short: the
 * mechanism is the same), and the next search waits for a refresh. The exporter writes a trickle of
 * process instances into such an index in four situations; the test measures the refreshes during
 * the trickle, whether the shard was search-idle at its end, and a user's first search afterwards
 * (how long it took, what it found), and writes them to {@code target/search-idle/<version>.txt}
 * ({@code 9.5.3.txt}, {@code opensearch-2.19.6.txt}).
 */
@RealEngines
class SearchIdleIT {

  private static final Clock CLOCK = Clock.systemUTC();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TRICKLE = Duration.ofSeconds(5);
  private static final Duration IDLE_AFTER = Duration.ofSeconds(1);
  private static final double STARTS_PER_SECOND = 10;

  /** How the index refreshes and who searches it. */
  enum Situation {
    /** The index's default interval, the engine refreshes, nothing searches. */
    DEFAULT_INTERVAL_UNSEARCHED("engine", null, false),
    /**
     * The same, with the exporter's visible stage searching (every document followed, so that a
     * search comes more often than the 1 s idle time: at the default 30 s, one in ten does).
     */
    DEFAULT_INTERVAL_VISIBLE_STAGE("engine", null, true),
    /** An explicit interval (the default's value, 1 s), nothing searches. */
    EXPLICIT_INTERVAL_UNSEARCHED("engine", "1s", false),
    /** Sightline's default: the exporter asks for refreshes; the index's default interval. */
    AFTER_BULK_UNSEARCHED("after-bulk", null, false);

    final String refreshPolicy;
    final String refreshInterval;
    final boolean visibleStage;

    Situation(String refreshPolicy, String refreshInterval, boolean visibleStage) {
      this.refreshPolicy = refreshPolicy;
      this.refreshInterval = refreshInterval;
      this.visibleStage = visibleStage;
    }

    /**
     * Nothing searches an index without an explicit interval and nothing asks for a refresh: its
     * shard goes idle and refreshes nothing until a search comes.
     */
    boolean refreshesWaitForASearch() {
      return refreshInterval == null && !visibleStage && refreshPolicy.equals("engine");
    }
  }

  @ParameterizedTest
  @EnumSource(Situation.class)
  void shouldShowWhatSearchIdleShardsDoToVisibility(Situation situation, EngineTarget es)
      throws Exception {
    // given the exporter writing into an index whose shard has gone search-idle
    var index = es.index("process-instance-v2");
    Map<String, Object> args =
        Map.of(
            "connect", Map.of("url", es.url().toString()),
            "index", Map.of("prefix", es.indexPrefix()),
            "bulk", Map.of("delay", "20ms"),
            "visibility", Map.of("refresh", situation.refreshPolicy),
            "latency",
                Map.of("visibility", Map.of("enabled", situation.visibleStage, "sampleOneIn", 1)));
    var source = new AppendingRecordSource();
    var last = new AtomicLong();
    int sent;
    long refreshes;
    boolean idleAtEnd;
    long searchMillis;
    long found;
    String visible;
    try (var host =
            BrokerHost.builder()
                .clock(CLOCK)
                .inProcessExporter("sightline", args, SightlineExporter::new)
                .build();
        var http = HttpClient.newHttpClient()) {
      var partition = host.startPartition(1, source);
      partition.opened().get(60, TimeUnit.SECONDS);
      var settings = new HashMap<String, Object>();
      settings.put("search.idle.after", IDLE_AFTER.toMillis() + "ms");
      if (situation.refreshInterval != null) {
        settings.put("refresh_interval", situation.refreshInterval);
      }
      send(http, "PUT", es.url() + "/" + index + "/_settings", Map.of("index", settings));
      var shard = new IdleShard(http, es, index);
      Await.until(shard::idleBeforeAnyWrite, "the shard search-idle");
      var refreshesBefore = externalRefreshes(http, es.url(), index);

      // when a trickle of process instances is written, durable
      sent =
          new Trickle(CLOCK, 7)
              .run(
                  STARTS_PER_SECOND,
                  TRICKLE,
                  record -> {
                    last.set(record.getPosition());
                    source.append(record);
                  });
      Await.acknowledged(partition, "sightline", last.get());
      refreshes = externalRefreshes(http, es.url(), index) - refreshesBefore;
      var wasIdleAtEnd = shard.beforeTheUsersSearch();
      // and then a user searches
      var started = System.nanoTime();
      var answer =
          send(
              http,
              "POST",
              es.url() + "/" + index + "/_search",
              Map.of("size", 0, "track_total_hits", true));
      searchMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      found = answer.path("hits").path("total").path("value").asLong();
      idleAtEnd = wasIdleAtEnd.getAsBoolean();
      var timer =
          host.meterRegistry()
              .find("sightline.exporter.latency")
              .tag("stage", "visible")
              .functionTimer();
      visible =
          timer == null
              ? "not measured"
              : "n=%.0f, mean %.0f ms".formatted(timer.count(), timer.mean(TimeUnit.MILLISECONDS));
      partition.stop();
    }
    report(es, situation, sent, refreshes, idleAtEnd, searchMillis, found, visible);

    // then an idle shard refreshed nothing until the user's search, which waited for a refresh
    // and found everything; an active one refreshed on its own (and a search may miss what came
    // since its last refresh)
    if (situation.refreshesWaitForASearch()) {
      assertThat(idleAtEnd).as("search-idle at the end of the trickle").isTrue();
      assertThat(refreshes).as("refreshes during the trickle").isLessThanOrEqualTo(1);
      assertThat(found).as("documents the first search found").isEqualTo(sent);
    } else {
      assertThat(refreshes).as("refreshes during the trickle").isGreaterThanOrEqualTo(3);
    }
    if (situation.visibleStage) {
      assertThat(idleAtEnd).as("the visible stage's searches keep the shard active").isFalse();
    }
  }

  /** Refreshes that made documents searchable ({@code external_total}), on the primaries. */
  private static long externalRefreshes(HttpClient http, URI es, String index) {
    var stats = get(http, es + "/" + index + "/_stats/refresh");
    return stats
        .path("indices")
        .path(index)
        .path("primaries")
        .path("refresh")
        .path("external_total")
        .asLong();
  }

  /**
   * What the test sees of the index's one shard being search-idle, which the engines report
   * differently. Elasticsearch (8.9+) reports {@code search_idle} per shard. OpenSearch (2.19) has
   * search-idle shards too but does not report the state; it counts the searches that found the
   * shard idle with writes waiting for a refresh ({@code search_idle_reactivate_count_total}), and
   * a shard no search has reached is idle once {@code search.idle.after} has passed since its index
   * was created.
   */
  private record IdleShard(HttpClient http, EngineTarget es, String index) {

    /** OpenSearch's clock for idleness is cached: it moves in steps of 200 ms. */
    private static final Duration ENGINE_SLACK = Duration.ofMillis(500);

    private boolean opensearch() {
      return es.version().engine() == Engine.OPENSEARCH;
    }

    /** Search-idle now, before the test writes anything into the index. */
    boolean idleBeforeAnyWrite() {
      if (!opensearch()) {
        return reportedIdle();
      }
      var search = stats("/_stats/search").path("search");
      var created =
          get(http, es.url() + "/" + index + "/_settings/index.creation_date?flat_settings=true")
              .path(index)
              .path("settings")
              .path("index.creation_date")
              .asLong();
      return search.path("query_total").asLong() == 0
          && System.currentTimeMillis() - created > IDLE_AFTER.plus(ENGINE_SLACK).toMillis();
    }

    /**
     * Called just before the user's search; what it returns says, once the search has answered,
     * whether the shard was search-idle at the end of the trickle: as Elasticsearch reported it
     * before the search, or (OpenSearch) whether the search woke the shard.
     */
    BooleanSupplier beforeTheUsersSearch() {
      if (!opensearch()) {
        var idle = reportedIdle();
        return () -> idle;
      }
      var before = wakeUps();
      return () -> wakeUps() > before;
    }

    private boolean reportedIdle() {
      return get(http, es.url() + "/" + index + "/_stats?level=shards")
          .path("indices")
          .path(index)
          .path("shards")
          .path("0")
          .path(0)
          .path("search_idle")
          .asBoolean(false);
    }

    private long wakeUps() {
      return stats("/_stats/search")
          .path("search")
          .path("search_idle_reactivate_count_total")
          .asLong();
    }

    private JsonNode stats(String path) {
      return get(http, es.url() + "/" + index + path).path("indices").path(index).path("primaries");
    }
  }

  private static JsonNode get(HttpClient http, String url) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode send(HttpClient http, String method, String url, Object body)
      throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                    method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, url, new String(response.body()))
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void report(
      EngineTarget es,
      Situation situation,
      int sent,
      long refreshes,
      boolean idleAtEnd,
      long searchMillis,
      long found,
      String visible)
      throws IOException {
    var line =
        ("%s, %s (visibility.refresh=%s, refresh_interval %s, visible stage %s):"
                + " %d documents in %d s; %d refreshes; search-idle at the end%s: %s;"
                + " first search %d ms, found %d; exporter visible: %s%n")
            .formatted(
                es.version().displayName(),
                situation,
                situation.refreshPolicy,
                situation.refreshInterval == null ? "not set" : situation.refreshInterval,
                situation.visibleStage ? "on" : "off",
                sent,
                TRICKLE.toSeconds(),
                refreshes,
                es.version().engine() == Engine.OPENSEARCH ? " (the first search woke it)" : "",
                idleAtEnd,
                searchMillis,
                found,
                visible);
    System.out.print(line);
    var dir = Path.of("target", "search-idle");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(es.version().id() + ".txt"),
        line,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
