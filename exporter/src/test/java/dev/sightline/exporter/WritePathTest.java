package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.HeldStore;
import dev.sightline.exporter.testing.HeldStore.Held;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The write path with bulks in flight (issue 14), on virtual time: a store double whose answers the
 * test releases one by one, in any order ({@link HeldStore}).
 */
class WritePathTest {

  private static Map<String, Object> args(int size, int maxInFlight, String refresh) {
    return Map.of(
        "index",
        Map.of("prefix", "t"),
        "bulk",
        Map.of("size", size, "delay", "1h", "maxInFlight", maxInFlight),
        "visibility",
        Map.of("refresh", refresh, "minRefreshInterval", "100ms", "maxRefreshLag", "1h"),
        "retry",
        Map.of("maxBackoff", "1s"));
  }

  private static List<Record<?>> scenario() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  /** What a run with a synchronous store writes: the reference. */
  private static Map<String, Map<String, Map<String, Object>>> cleanRun(List<Record<?>> records) {
    var clean = new ExporterHarness(args(1000, 1, "engine"));
    clean.export(records);
    clean.advance(Duration.ofHours(1));
    return clean.store.snapshot();
  }

  private final VirtualClock clock = new VirtualClock(ExporterHarness.START_MILLIS);
  private final HeldStore held = new HeldStore(new InMemoryStore(), clock);

  private ExporterHarness harness(Map<String, Object> args) {
    return ExporterHarness.held(args, clock, held);
  }

  /** Exports records one by one until {@code bulks} bulks are in flight; returns the rest. */
  private List<Record<?>> exportUntilInFlight(
      ExporterHarness harness, List<Record<?>> records, int bulks) {
    var rest = new ArrayList<>(records);
    while (!rest.isEmpty() && held.inFlight().size() < bulks) {
      harness.export(List.of(rest.removeFirst()));
    }
    assertThat(held.inFlight()).as("bulks in flight").hasSize(bulks);
    return rest;
  }

  /** The exporter takes answers up in its scheduled task, every few milliseconds. */
  private static void poll(ExporterHarness harness) {
    harness.advance(Duration.ofMillis(10));
  }

  private static long lowestInFlight(List<Held> bulks) {
    return bulks.stream().mapToLong(Held::lowestPosition).min().orElse(Long.MAX_VALUE);
  }

  @Nested
  class Acknowledgement {

    @Test
    void shouldAcknowledgeInBatchOrderWhenBulksAnswerOutOfOrder() {
      // given three bulks in flight
      var harness = harness(args(2, 3, "engine"));
      var records = scenario();
      var rest = exportUntilInFlight(harness, records, 3);
      var bulks = held.inFlight();
      var beforeAnswers = harness.controller.getLastExportedRecordPosition();

      // when the third and then the second answer first
      held.release(bulks.get(2));
      poll(harness);
      held.release(bulks.get(1));
      poll(harness);

      // then nothing of the first bulk's records, or later, is acknowledged
      assertThat(harness.controller.getLastExportedRecordPosition())
          .as("acknowledged while the first bulk is in flight")
          .isEqualTo(beforeAnswers)
          .isLessThan(bulks.get(0).lowestPosition());

      // when the first answers too
      held.release(bulks.get(0));
      poll(harness);

      // then the first bulk's records are acknowledged, up to the next record not yet durable
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isGreaterThanOrEqualTo(bulks.get(0).lowestPosition())
          .isGreaterThan(beforeAnswers)
          .isLessThan(lowestInFlight(held.inFlight()));

      // and once everything is answered, the last record; acknowledgements only ever grew
      held.answerWhenWaitedFor(Integer.MAX_VALUE);
      harness.export(rest);
      held.answerAtOnce(true);
      held.inFlight().forEach(held::release);
      harness.advance(Duration.ofSeconds(1));
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
      assertThat(harness.controller.acknowledgements()).isSorted().doesNotHaveDuplicates();
      assertThat(held.inner().snapshot()).isEqualTo(cleanRun(records));
    }

    @ParameterizedTest(name = "third bulk fails too: {0}")
    @ValueSource(booleans = {false, true})
    void shouldResendTheFailedSecondOfThreeBulksAndEveryLaterFailedOneInOrderAfterTheBackoff(
        boolean thirdFails) {
      // given three bulks in flight
      var harness = harness(args(2, 3, "engine"));
      var records = scenario();
      var rest = exportUntilInFlight(harness, records, 3);
      var bulks = held.inFlight();

      // when the first is written, the second fails, and the third is written or fails too
      held.release(bulks.get(0));
      held.fail(bulks.get(1));
      if (thirdFails) {
        held.fail(bulks.get(2));
      } else {
        held.release(bulks.get(2));
      }
      poll(harness);

      // then the exporter thread goes on: a record is accepted, nothing is thrown
      harness.export(rest.subList(0, 1));
      // and nothing from the failed bulk's records on is acknowledged
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isGreaterThanOrEqualTo(bulks.get(0).lowestPosition())
          .isLessThan(bulks.get(1).lowestPosition());
      // and nothing is sent before the backoff (100 ms after the failure) is over
      var sentBeforeRetry = held.bulks().size();
      harness.advance(Duration.ofMillis(80));
      assertThat(held.bulks()).as("sent during the backoff").hasSize(sentBeforeRetry);

      // when the backoff passes
      harness.advance(Duration.ofMillis(400));

      // then the failed bulks are sent again, in order, before anything new, with the very bytes
      // serialized at their cut; a written one is not sent again
      var failed = thirdFails ? List.of(bulks.get(1), bulks.get(2)) : List.of(bulks.get(1));
      assertThat(held.bulks()).hasSizeGreaterThanOrEqualTo(sentBeforeRetry + failed.size());
      var resent = held.bulks().subList(sentBeforeRetry, sentBeforeRetry + failed.size());
      for (int b = 0; b < failed.size(); b++) {
        assertThat(resent.get(b).keys()).isEqualTo(failed.get(b).keys());
        for (int i = 0; i < resent.get(b).items.size(); i++) {
          assertThat(resent.get(b).items.get(i).lines())
              .isSameAs(failed.get(b).items.get(i).lines());
        }
      }
      var written = thirdFails ? List.of(bulks.get(0)) : List.of(bulks.get(0), bulks.get(2));
      for (var bulk : held.bulks().subList(sentBeforeRetry, held.bulks().size())) {
        for (var item : bulk.items) {
          for (var done : written) {
            assertThat(done.items).noneMatch(writtenItem -> writtenItem.lines() == item.lines());
          }
        }
      }

      // and when everything is written, every record is acknowledged, in order, nothing skipped
      held.answerAtOnce(true);
      held.answerWhenWaitedFor(Integer.MAX_VALUE);
      held.inFlight().forEach(held::release);
      harness.export(rest.subList(1, rest.size()));
      harness.advance(Duration.ofSeconds(1));
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
      assertThat(harness.controller.acknowledgements()).isSorted().doesNotHaveDuplicates();
      assertThat(held.inner().snapshot()).isEqualTo(cleanRun(records));
    }

    @Test
    void shouldAcknowledgeOnlyWhatIsDurableWhenClosingWithBulksInFlight() {
      // given two bulks in flight
      var harness = harness(args(2, 2, "engine"));
      var records = scenario();
      exportUntilInFlight(harness, records, 2);
      var bulks = held.inFlight();

      // when the exporter closes and only the first bulk answers in time
      held.answerWhenWaitedFor(1);
      harness.exporter.close();

      // then what the first made durable is acknowledged, nothing of the second's records
      assertThat(bulks.get(0).answered()).isTrue();
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isGreaterThanOrEqualTo(bulks.get(0).items.getLast().document().lowestPosition())
          .isLessThan(lowestInFlight(held.inFlight()));
      assertThat(held.inFlight()).contains(bulks.get(1));

      // and a restart from the acknowledged position, on what the store holds, ends with the
      // documents of a clean run: nothing acknowledged was lost
      var acknowledged = harness.controller.getLastExportedRecordPosition();
      var restarted =
          new ExporterHarness(
              args(1000, 2, "engine"),
              clock,
              held.inner(),
              new TestController(
                  clock, acknowledged, harness.controller.readMetadata().orElseThrow()),
              1);
      restarted.export(records.stream().filter(r -> r.getPosition() > acknowledged).toList());
      restarted.advance(Duration.ofSeconds(1));
      assertThat(held.inner().snapshot()).isEqualTo(cleanRun(records));
    }
  }

  @Nested
  class OneDocumentOneBulk {

    @Test
    void shouldNeverLetTwoBulksInFlightCarryOneDocumentNorAStaleWriteWin() {
      // given up to four bulks of two documents in flight
      var harness = harness(args(2, 4, "engine"));
      var records = scenario();

      // when every record is exported, the oldest bulk answered only when the batch is full and
      // every slot taken (the exporter thread waits for it)
      held.answerWhenWaitedFor(Integer.MAX_VALUE);
      for (var record : records) {
        harness.export(List.of(record));
        // then no two bulks in flight carry the same document
        var seen = new HashSet<String>();
        for (var bulk : held.inFlight()) {
          for (var key : bulk.keys()) {
            assertThat(seen.add(key)).as("%s in two bulks in flight", key).isTrue();
          }
        }
      }
      assertThat(held.bulks().size()).as("bulks sent").isGreaterThan(4);

      // and answered newest first, the documents are those of a clean run: no stale write won,
      // and lookups saw documents in flight
      held.answerAtOnce(true);
      held.inFlight().reversed().forEach(held::release);
      harness.advance(Duration.ofSeconds(1));
      assertThat(held.inner().snapshot()).isEqualTo(cleanRun(records));
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
    }
  }

  @Nested
  class GroupCommit {

    @Test
    void shouldSendEachRecordAtOnceAtLowRate() {
      // given a store that answers at once
      held.answerAtOnce(true);
      var harness = harness(args(1000, 2, "engine"));
      var records = scenario();

      // when records come one at a time, each after the previous one's bulk answered
      for (var record : records) {
        var before = held.bulks().size();
        harness.export(List.of(record));
        if (held.bulks().size() > before) {
          // then its bulk left at once, without waiting for bulk.delay (1h) or a linger
          assertThat(harness.controller.getLastExportedRecordPosition())
              .isEqualTo(record.getPosition());
        }
      }
      assertThat(held.bulks()).hasSizeGreaterThan(records.size() / 2);
    }

    @Test
    void shouldGatherRecordsIntoTheNextBulkWhileEverySlotIsTakenAtHighRate() {
      // given both slots taken, the second at once by the record after the first bulk's
      var harness = harness(args(1000, 2, "engine"));
      var records = scenario();
      var rest = exportUntilInFlight(harness, records, 2);
      assertThat(held.bulks()).hasSize(2);

      // when every other record comes before either answers
      harness.export(rest);

      // then they wait, and all go in the one next bulk when a slot frees
      assertThat(held.bulks()).hasSize(2);
      held.release(held.bulks().getFirst());
      poll(harness);
      assertThat(held.bulks()).hasSize(3);
      assertThat(held.bulks().get(2).items.size()).isGreaterThan(5);
    }

    @Test
    void shouldSendToAFreeSlotAtOnceWhileAnotherBulkIsInFlight() {
      // given one bulk in flight, two slots, no linger and bulk.delay 1h
      var harness = harness(args(1000, 2, "engine"));
      var records = scenario();
      var rest = exportUntilInFlight(harness, records, 1);
      var first = held.bulks().getFirst();

      // when the next records come, no time passing
      for (var record : rest) {
        harness.export(List.of(record));
        if (held.bulks().size() > 1) {
          break;
        }
      }

      // then the first that touched another document left in a second bulk at once, the first
      // bulk still unanswered
      assertThat(held.inFlight()).hasSize(2).contains(first);
    }

    /**
     * Bulks of {@code bulkSize}, a lag limit of 1 s, and 5 s passed: what comes now is a backlog.
     */
    private ExporterHarness catchingUp(int bulkSize) {
      var settings = new HashMap<>(args(bulkSize, 2, "engine"));
      settings.put(
          "visibility",
          Map.of("refresh", "engine", "minRefreshInterval", "100ms", "maxRefreshLag", "1s"));
      var harness = harness(settings);
      harness.advance(Duration.ofSeconds(5));
      return harness;
    }

    @Test
    void shouldKeepTheSecondSlotForAFullBulkWhileCatchingUp() {
      // given a lag limit of 1 s, and records handled 5 s after they were written: a backlog
      var harness = catchingUp(1000);
      var rest = exportUntilInFlight(harness, scenario(), 1);

      // when the rest of the backlog comes while the first bulk is in flight
      harness.export(rest);
      poll(harness);

      // then it waits for a full bulk or a free slot, and then goes whole in one bulk
      assertThat(held.bulks()).hasSize(1);
      held.release(held.bulks().getFirst());
      poll(harness);
      assertThat(held.bulks()).hasSize(2);
      assertThat(held.bulks().get(1).items.size()).isGreaterThan(5);
    }

    @Test
    void shouldFillTheSecondSlotWithAFullBulkWhileCatchingUp() {
      // given bulks of 2 documents and the same backlog
      var harness = catchingUp(2);
      var rest = exportUntilInFlight(harness, scenario(), 1);

      var first = held.bulks().getFirst();

      // when more records come, the first bulk unanswered
      exportUntilInFlight(harness, rest, 2);

      // then a full bulk took the second slot
      assertThat(held.inFlight()).contains(first);
      assertThat(held.bulks().get(1).items).hasSize(2);
    }
  }

  @Nested
  class Refresh {

    @Test
    void shouldRefreshAfterEveryBulkAtLowRate() {
      // given after-bulk refresh and records further apart than the interval
      held.answerAtOnce(true);
      var harness = harness(args(1000, 2, "after-bulk"));

      // when
      for (var record : scenario()) {
        harness.export(List.of(record));
        harness.advance(Duration.ofMillis(150));
      }

      // then every bulk asked for a refresh itself
      assertThat(held.bulks()).isNotEmpty().allSatisfy(bulk -> assertThat(bulk.refresh).isTrue());
      assertThat(held.refreshes()).isEmpty();
    }

    @Test
    void shouldRefreshAtMostOncePerIntervalAtAnyRateAndRefreshWhatIsOwedAfterIt() {
      // given after-bulk refresh every 100 ms at most, and a record every 5 ms
      held.answerAtOnce(true);
      var harness = harness(args(1000, 2, "after-bulk"));
      var records = new ArrayList<Record<?>>();
      var factory = new RecordFactory(1);
      for (int i = 0; i < 5; i++) {
        var scenario = new ProcessScenario(factory, true, ExporterHarness.START_MILLIS);
        records.addAll(scenario.deploy());
        records.addAll(scenario.runToCompletion());
      }

      // when
      for (var record : records) {
        harness.export(List.of(record));
        harness.advance(Duration.ofMillis(5));
      }
      harness.advance(Duration.ofMillis(200));

      // then bulks went far more often than refreshes
      var bulks = held.bulks();
      var refreshes = refreshes();
      assertThat(bulks).hasSizeGreaterThan(3 * refreshes.size());
      // and refreshing bulks and refresh requests together came at least 100 ms apart
      assertThat(refreshes).hasSizeGreaterThan(1);
      for (int i = 1; i < refreshes.size(); i++) {
        assertThat(refreshes.get(i).atMillis() - refreshes.get(i - 1).atMillis())
            .as("time between refresh %d and %d", i - 1, i)
            .isGreaterThanOrEqualTo(100);
      }
      // and what every other bulk wrote was refreshed after it, within the interval
      for (int b = 0; b < bulks.size(); b++) {
        var bulk = bulks.get(b);
        if (bulk.refresh) {
          continue;
        }
        for (var index : bulk.indices()) {
          var order = b;
          assertThat(refreshes)
              .as("a refresh of %s after bulk %d", index, b)
              .anySatisfy(
                  refresh -> {
                    assertThat(refresh.after(order, bulk.sentAtMillis)).isTrue();
                    assertThat(refresh.indices()).contains(index);
                    assertThat(refresh.atMillis()).isLessThanOrEqualTo(bulk.sentAtMillis + 100);
                  });
        }
      }
    }

    /** A refreshing bulk (its place among the bulks) or a refresh request. */
    record RefreshEvent(long atMillis, int bulk, Collection<String> indices) {
      boolean after(int otherBulk, long otherAtMillis) {
        return bulk >= 0 ? bulk > otherBulk : atMillis >= otherAtMillis;
      }
    }

    /** Refreshing bulks and refresh requests, in time order. */
    private List<RefreshEvent> refreshes() {
      var events = new ArrayList<RefreshEvent>();
      var bulks = held.bulks();
      for (int b = 0; b < bulks.size(); b++) {
        if (bulks.get(b).refresh) {
          events.add(new RefreshEvent(bulks.get(b).sentAtMillis, b, bulks.get(b).indices()));
        }
      }
      held.refreshes()
          .forEach(r -> events.add(new RefreshEvent(r.sentAtMillis(), -1, r.indices())));
      events.sort(Comparator.comparingLong(RefreshEvent::atMillis));
      return events;
    }

    @Test
    void shouldLeaveRefreshingToTheIndexWhileFarBehindTheLog() {
      // given after-bulk refresh, a lag limit of 1 s and bulks of 2 documents
      var settings = new HashMap<>(args(2, 2, "after-bulk"));
      settings.put(
          "visibility",
          Map.of("refresh", "after-bulk", "minRefreshInterval", "100ms", "maxRefreshLag", "1s"));
      var harness = harness(settings);
      var records = scenario();
      var first = records.subList(0, 3);
      var backlog = records.subList(3, records.size());

      // when the first records are handled as they come, and the rest only 5 s later
      harness.export(first);
      assertThat(held.bulks()).anySatisfy(bulk -> assertThat(bulk.refresh).isTrue());
      while (!held.inFlight().isEmpty()) {
        held.release(held.inFlight().getFirst());
        poll(harness);
      }
      harness.advance(Duration.ofSeconds(5)); // and what they owed refreshed meanwhile
      var before = held.bulks().size();
      var refreshesBefore = held.refreshes().size();
      for (var record : backlog) {
        while (true) {
          try {
            harness.export(List.of(record));
            break;
          } catch (ExporterException full) { // the broker exports it again
            held.release(held.inFlight().getFirst());
            harness.advance(Duration.ofMillis(150)); // longer than the refresh interval
          }
        }
      }
      while (!held.inFlight().isEmpty()) {
        held.release(held.inFlight().getFirst());
        harness.advance(Duration.ofMillis(150));
      }

      // then the backlog's bulks neither refreshed nor owed a refresh
      var behind = held.bulks().subList(before, held.bulks().size());
      assertThat(behind)
          .hasSizeGreaterThan(2)
          .noneSatisfy(bulk -> assertThat(bulk.refresh).isTrue());
      assertThat(held.refreshes()).hasSize(refreshesBefore);
    }

    @Test
    void shouldLeaveRefreshToTheIndexUnderTheEnginePolicy() {
      held.answerAtOnce(true);
      var harness = harness(args(1000, 2, "engine"));

      harness.export(scenario());
      harness.advance(Duration.ofSeconds(5));

      assertThat(held.bulks()).isNotEmpty().noneSatisfy(bulk -> assertThat(bulk.refresh).isTrue());
      assertThat(held.refreshes()).isEmpty();
    }
  }
}
