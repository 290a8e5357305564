package dev.sightline.probe.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The poll algorithm on virtual time, against a fake index: no thread, no sleep. */
class VisibilityProbeTest {

  private static final long T0 = 1_800_000_000_000L;

  /** Microseconds since the epoch, moved only by the test. */
  private long nowMicros = T0 * 1_000;

  private final InstantSource clock = () -> Instant.EPOCH.plusNanos(nowMicros * 1_000);

  /**
   * A fake index: documents become "visible", at a position, when the test says so; requests are
   * logged.
   */
  private final Map<String, Map<String, Long>> visible = new HashMap<>();

  private final List<List<String>> requests = new ArrayList<>();
  private final List<Observation> observations = new ArrayList<>();
  private boolean failNext;

  private final DocumentReader reader =
      (index, ids) -> {
        requests.add(List.copyOf(ids));
        if (failNext) {
          failNext = false;
          throw new IOException("test: node unreachable");
        }
        var found = new HashMap<String, Long>();
        for (var id : ids) {
          var position = visible.getOrDefault(index, Map.of()).get(id);
          if (position != null) {
            found.put(id, position);
          }
        }
        return found;
      };

  private ProbeSettings settings(int maxIds, int maxPending) {
    return new ProbeSettings(
        URI.create("http://unused:9200"),
        ProbeMode.SEARCH,
        Duration.ofMillis(15),
        maxIds,
        maxPending,
        Duration.ofMinutes(1),
        clock);
  }

  private VisibilityProbe probe(int maxIds, int maxPending) {
    return new VisibilityProbe(settings(maxIds, maxPending), reader, observations::add);
  }

  private void advanceMillis(long millis) {
    nowMicros += millis * 1_000;
  }

  private void makeVisible(String index, String... ids) {
    for (var id : ids) {
      makeVisibleAt(index, id, Expectation.ANY_POSITION);
    }
  }

  /** From now on a search returns the document's version at {@code position}. */
  private void makeVisibleAt(String index, String id, long position) {
    visible.computeIfAbsent(index, i -> new HashMap<>()).put(id, position);
  }

  @Test
  void shouldRecordTheTimeFromTheRecordToTheFirstSearchThatFindsTheDocument() {
    // given a record written at T0, polled every 15 ms
    var probe = probe(1000, 100);
    probe.expect(Expectation.visible("pi", "1", T0));
    advanceMillis(15);
    probe.pollOnce();

    // when the document becomes visible between two polls
    advanceMillis(15);
    makeVisible("pi", "1");
    advanceMillis(15);
    probe.pollOnce();

    // then the latency is that of the poll that found it
    assertThat(observations)
        .singleElement()
        .satisfies(o -> assertThat(o.latencyMicros()).isEqualTo(45_000));
    var report = probe.report();
    assertThat(report.latencyMicros("visible").getTotalCount()).isEqualTo(1);
    assertThat(report.latencyMicros("visible").getMaxValue()).isBetween(45_000L, 45_050L);
    assertThat(report.met()).isEqualTo(1);
    assertThat(report.pending()).isZero();
    assertThat(report.requests()).isEqualTo(2);
  }

  @Test
  void shouldAskForAllPendingIdsOfAnIndexInOneRequestPerPoll() {
    // given
    var probe = probe(1000, 100);
    for (var id = 0; id < 5; id++) {
      probe.expect(Expectation.visible("pi", Integer.toString(id), T0));
    }
    probe.expect(Expectation.visible("fni", "9", T0));

    // when
    probe.pollOnce();

    // then one request per index
    assertThat(requests).containsExactlyInAnyOrder(List.of("0", "1", "2", "3", "4"), List.of("9"));
  }

  @Test
  void shouldAskForTheOldestIdsFirstAndAtMostTheCapPerRequest() {
    // given more pending ids than one request may carry
    var probe = probe(2, 100);
    for (var id = 0; id < 5; id++) {
      probe.expect(Expectation.visible("pi", Integer.toString(id), T0 + id));
    }
    makeVisible("pi", "0", "1", "2", "3", "4");

    // when
    probe.pollOnce();
    probe.pollOnce();

    // then
    assertThat(requests).containsExactly(List.of("0", "1"), List.of("2", "3"));
    assertThat(probe.pending()).isEqualTo(1);
  }

  @Test
  void shouldShedExpectationsBeyondThePendingLimitInsteadOfBlocking() {
    // given a probe that may keep 3 pending
    var probe = probe(1000, 3);

    // when 5 are registered
    var admitted = new ArrayList<Boolean>();
    for (var id = 0; id < 5; id++) {
      admitted.add(probe.expect(Expectation.visible("pi", Integer.toString(id), T0)));
    }

    // then
    assertThat(admitted).containsExactly(true, true, true, false, false);
    assertThat(probe.report().shed()).isEqualTo(2);
    assertThat(probe.pending()).isEqualTo(3);
  }

  @Test
  void shouldKeepIdsPendingWhenARequestFails() {
    // given
    var probe = probe(1000, 100);
    probe.expect(Expectation.visible("pi", "1", T0));
    makeVisible("pi", "1");
    failNext = true;

    // when
    probe.pollOnce();
    advanceMillis(15);
    probe.pollOnce();

    // then
    assertThat(probe.report().failedRequests()).isEqualTo(1);
    assertThat(observations)
        .singleElement()
        .satisfies(o -> assertThat(o.latencyMicros()).isEqualTo(15_000));
  }

  @Test
  void shouldReportTheAchievedPollPeriodAsItsResolution() {
    // given polls 15, 15 and 40 ms apart (a slow machine)
    var probe = probe(1000, 100);
    probe.expect(Expectation.visible("pi", "1", T0));
    probe.pollOnce();
    for (var gap : List.of(15, 15, 40)) {
      advanceMillis(gap);
      probe.pollOnce();
    }

    // when
    var resolution = probe.report().pollPeriodMicros();

    // then
    assertThat(resolution.getTotalCount()).isEqualTo(3);
    assertThat(resolution.getMaxValue()).isBetween(40_000L, 40_050L);
    assertThat(resolution.getValueAtPercentile(50)).isBetween(15_000L, 15_020L);
  }

  @Test
  void shouldDropAnExpectationNeverMetAfterTheGiveUpTime() {
    // given
    var probe = probe(1000, 100);
    probe.expect(Expectation.visible("pi", "never", T0));
    probe.pollOnce();

    // when
    advanceMillis(Duration.ofMinutes(1).toMillis() + 1);
    probe.pollOnce();

    // then
    assertThat(probe.report().timedOut()).isEqualTo(1);
    assertThat(probe.pending()).isZero();
  }

  @Test
  void shouldKeepStagesApart() {
    // given a two-hop run's record index and final index
    var probe = probe(1000, 100);
    probe.expect(new Expectation("record-visible", "zeebe-record-process-instance", "1-7", T0));
    probe.expect(Expectation.visible("pi", "1", T0));
    makeVisible("zeebe-record-process-instance", "1-7");
    advanceMillis(100);
    probe.pollOnce();
    makeVisible("pi", "1");
    advanceMillis(100);

    // when
    probe.pollOnce();

    // then
    var report = probe.report();
    assertThat(report.latencyMicros("record-visible").getMaxValue()).isBetween(100_000L, 100_100L);
    assertThat(report.latencyMicros("visible").getMaxValue()).isBetween(200_000L, 200_200L);
  }

  @Test
  void shouldMeasureTheFirstAppearanceOfAnIdRegisteredTwice() {
    // given
    var probe = probe(1000, 100);
    probe.expect(Expectation.visible("pi", "1", T0));
    probe.expect(Expectation.visible("pi", "1", T0 + 50));
    makeVisible("pi", "1");
    advanceMillis(80);

    // when
    probe.pollOnce();

    // then
    assertThat(observations)
        .singleElement()
        .satisfies(o -> assertThat(o.latencyMicros()).isEqualTo(80_000));
    assertThat(probe.pending()).isZero();
  }

  @Test
  void shouldNotCountAStaleVersionOfTheDocument() {
    // given a document's creation (position 10) and completion (position 20), both expected
    var probe = probe(1000, 100);
    probe.expect(new Expectation("visible", "pi", "1", 10, T0));
    probe.expect(new Expectation("visible-completed", "pi", "1", 20, T0 + 40));
    makeVisibleAt("pi", "1", 10);
    advanceMillis(50);
    probe.pollOnce();

    // when the completion becomes searchable later
    advanceMillis(100);
    probe.pollOnce();
    makeVisibleAt("pi", "1", 20);
    advanceMillis(30);
    probe.pollOnce();

    // then the creation was seen by the first search, the completion only with its own version
    var report = probe.report();
    assertThat(report.latencyMicros("visible").getMaxValue()).isBetween(50_000L, 50_050L);
    assertThat(report.latencyMicros("visible-completed").getMaxValue())
        .isBetween(140_000L, 140_200L);
    assertThat(requests).hasSize(3).allMatch(ids -> ids.equals(List.of("1")));
    assertThat(probe.pending()).isZero();
  }

  @Test
  void shouldCountALaterVersionOfTheDocument() {
    // given a creation expected at position 10
    var probe = probe(1000, 100);
    probe.expect(new Expectation("visible", "pi", "1", 10, T0));

    // when the first search already returns a later version
    makeVisibleAt("pi", "1", 25);
    advanceMillis(70);
    probe.pollOnce();

    // then
    assertThat(observations)
        .singleElement()
        .satisfies(o -> assertThat(o.latencyMicros()).isEqualTo(70_000));
  }

  @Test
  void shouldSampleOneInN() {
    // given
    var sampling = Sampling.oneIn(3);

    // when
    var sampled = new ArrayList<Boolean>();
    for (var i = 0; i < 7; i++) {
      sampled.add(sampling.sample());
    }

    // then
    assertThat(sampled).containsExactly(true, false, false, true, false, false, true);
  }
}
