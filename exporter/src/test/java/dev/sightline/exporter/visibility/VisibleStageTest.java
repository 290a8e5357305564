package dev.sightline.exporter.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.config.VisibleStageConfig;
import dev.sightline.exporter.latency.LatencyStage;
import dev.sightline.exporter.latency.MicrosClock;
import dev.sightline.exporter.latency.StageRecorders;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/**
 * The exporter's {@code visible} stage on virtual time: searches go to a double whose answers the
 * test controls; the broker's scheduled tasks run on the test's thread ({@link TestController}).
 */
class VisibleStageTest {

  private static final long T0 = 1_800_000_000_000L;
  private static final String PI = "pi";
  private static final String FNI = "fni";

  private final VirtualClock clock = new VirtualClock(T0);
  private final TestController controller = new TestController(clock);
  private final StageRecorders recorders = new StageRecorders();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SearchDouble search = new SearchDouble(clock::millis);
  private final RecordFactory records = new RecordFactory(1);
  private final Histogram visible = StageRecorders.newHistogram();
  private VisibleStage stage;
  private Batch batch;

  private void open(int sampleOneIn, int maxSearchesPerSecond, int maxPending, Duration giveUp) {
    open(
        sampleOneIn, maxSearchesPerSecond, maxPending, giveUp, controller::scheduleCancellableTask);
  }

  private void open(
      int sampleOneIn,
      int maxSearchesPerSecond,
      int maxPending,
      Duration giveUp,
      VisibleStage.Scheduler scheduler) {
    stage =
        new VisibleStage(
            new VisibleStageConfig(true, sampleOneIn, maxSearchesPerSecond, maxPending, giveUp),
            search,
            recorders,
            MicrosClock.of(clock),
            clock::millis,
            scheduler,
            registry,
            1,
            Duration.ofSeconds(30),
            NOPLogger.NOP_LOGGER);
    batch = new Batch(Batch.NewDocuments.WHOLE, null, stage);
  }

  private void open() {
    open(1, 20, 10_000, Duration.ofMinutes(2));
  }

  /** A record stamped now that sets the document's position, accepted as the exporter does. */
  private Record<?> change(String index, String id, boolean creates) {
    var record =
        records.event(
            ValueType.PROCESS_INSTANCE,
            creates
                ? ProcessInstanceIntent.ELEMENT_ACTIVATING
                : ProcessInstanceIntent.ELEMENT_COMPLETED,
            records.nextKey(),
            ImmutableProcessInstanceRecordValue.builder().build(),
            clock.millis());
    batch.write(
        new DocumentKey(index, id),
        Map.of(ReadModelSchema.POSITION, record.getPosition(), "state", creates ? "A" : "C"),
        creates);
    batch.recordAccepted(record.getPosition(), clock.millis());
    stage.recordAccepted(record);
    return record;
  }

  /** One bulk of everything accumulating, durable now. */
  private void writeAll() {
    batch
        .take(Integer.MAX_VALUE, Long.MAX_VALUE, document -> document, document -> 0)
        .forEach(batch::written);
  }

  private void advance(long millis) {
    controller.advance(Duration.ofMillis(millis));
  }

  /** {@code visible} of PROCESS_INSTANCE records recorded so far, in µs. */
  private Histogram visible() {
    recorders.takeIntervals(
        (stage, type, interval) -> {
          if (stage == LatencyStage.VISIBLE && type == ValueType.PROCESS_INSTANCE) {
            visible.add(interval);
          }
        });
    return visible;
  }

  private List<Long> visibleMillis() {
    var values = new ArrayList<Long>();
    visible().recordedValues().forEach(v -> values.add(v.getValueIteratedTo() / 1_000));
    return values;
  }

  private double records(String outcome) {
    return registry.get(VisibilityMeters.RECORDS).tag("outcome", outcome).counter().count();
  }

  private double searches(String outcome) {
    return registry.get(VisibilityMeters.SEARCHES).tag("outcome", outcome).counter().count();
  }

  @Nested
  class Watermark {

    @Test
    void shouldNotCountAStaleVersionOfTheDocumentAsVisible() {
      // given a document created at T0, durable and searchable 30 ms later
      open();
      var created = change(PI, "1", true);
      advance(30);
      writeAll();
      search.refreshed(PI, "1", created.getPosition());
      advance(50);
      // and its completion at T0 + 100, durable at once, while searches still see the creation
      advance(20);
      var completed = change(PI, "1", false);
      writeAll();
      advance(120);

      // when the completion becomes searchable at T0 + 220
      search.refreshed(PI, "1", completed.getPosition());
      advance(200);

      // then the creation was visible 30 ms after its record, the completion only with the first
      // search after T0 + 220 (sent at T0 + 250), 150 ms after its record
      assertThat(visibleMillis()).containsExactly(30L, 150L);
      assertThat(records("visible")).isEqualTo(2);
      assertThat(stage.pending()).isZero();
    }

    @Test
    void shouldCountALaterVersionOfTheDocumentAsVisible() {
      // given a completion whose bulk is durable at T0 + 40
      open();
      change(PI, "1", true);
      writeAll();
      advance(10);
      var completed = change(PI, "1", false);
      advance(30);
      writeAll();

      // when searches already see a later version of the document (a later record's write)
      search.refreshed(PI, "1", completed.getPosition() + 5);
      advance(100);

      // then both records are visible with the next search the cap allows (T0 + 50: the one at T0
      // found nothing): the creation 50 ms after its record, the completion 40 ms
      assertThat(visibleMillis()).containsExactly(40L, 50L);
      assertThat(stage.pending()).isZero();
    }

    @Test
    void shouldNotCountADocumentTheSearchDoesNotFind() {
      // given a durable document no search finds (not refreshed yet)
      open();
      change(PI, "1", true);
      writeAll();

      // when searches run for a second
      advance(1_000);

      // then nothing is visible, and the record is still followed
      assertThat(visible().getTotalCount()).isZero();
      assertThat(stage.pending()).isEqualTo(1);
      assertThat(search.count()).isGreaterThan(1);
    }
  }

  @Nested
  class Sampling {

    @Test
    void shouldFollowAboutOneDocumentInNTheSameWayEveryTime() {
      // given
      var sampling = new DocumentSampling(10);
      var again = new DocumentSampling(10);
      // when
      var followed =
          IntStream.range(0, 20_000)
              .mapToObj(Integer::toString)
              .filter(id -> sampling.follows(PI, id))
              .toList();
      // then about 2,000 of 20,000 (σ ≈ 42), and the same ones for anyone who asks
      assertThat(followed).hasSizeBetween(1_800, 2_200);
      assertThat(followed).allMatch(id -> again.follows(PI, id));
      assertThat(IntStream.range(0, 1000).mapToObj(Integer::toString))
          .allMatch(id -> new DocumentSampling(1).follows(PI, id));
    }

    @Test
    void shouldFollowEveryRecordOfASampledDocumentAndNoneOfAnother() {
      // given one document in the sample and one not
      open(10, 20, 10_000, Duration.ofMinutes(2));
      var sampling = new DocumentSampling(10);
      var in = firstId(id -> sampling.follows(PI, id));
      var out = firstId(id -> !sampling.follows(PI, id));

      // when both are created and completed, written and searchable
      change(PI, in, true);
      change(PI, out, true);
      var inCompleted = change(PI, in, false);
      var outCompleted = change(PI, out, false);
      writeAll();
      search.refreshed(PI, in, inCompleted.getPosition());
      search.refreshed(PI, out, outCompleted.getPosition());
      advance(100);

      // then the sampled document's creation and completion are measured, nothing of the other
      assertThat(visible().getTotalCount()).isEqualTo(2);
      assertThat(search.request(0)).isEqualTo(Map.of(PI, List.of(in)));
    }

    @Test
    void shouldNotFollowAChangeThatLeavesThePositionAlone() {
      // given a record that sets only a flag of a document (an incident's flag on its instance)
      open();
      var record =
          records.event(
              ValueType.INCIDENT,
              io.camunda.zeebe.protocol.record.intent.IncidentIntent.CREATED,
              records.nextKey(),
              io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue.builder().build(),
              clock.millis());
      batch.merge(new DocumentKey(PI, "1"), Map.of("incident", true));
      batch.recordAccepted(record.getPosition(), clock.millis());

      // when
      stage.recordAccepted(record);
      writeAll();
      advance(100);

      // then it is not followed there, and no search is sent
      assertThat(stage.pending()).isZero();
      assertThat(search.count()).isZero();
    }

    private String firstId(java.util.function.Predicate<String> test) {
      return IntStream.range(0, 1_000)
          .mapToObj(Integer::toString)
          .filter(test)
          .findFirst()
          .orElseThrow();
    }
  }

  @Nested
  class SearchCap {

    @Test
    void shouldNeverSendMoreSearchesPerSecondThanTheCap() {
      // given documents no search finds, and a cap of 5 searches per second
      open(1, 5, 10_000, Duration.ofHours(1));
      for (var i = 0; i < 30; i++) {
        change(i % 2 == 0 ? PI : FNI, Integer.toString(i), true);
        writeAll();
        advance(97); // new documents keep coming, each asking for a search at once
      }

      // when 10 s pass
      advance(10_000);

      // then no second holds more than 5 searches, and the cap is used
      var sent = search.sentAtMillis();
      for (var start : sent) {
        var inWindow = sent.stream().filter(t -> t >= start && t < start + 1_000).count();
        assertThat(inWindow).as("searches in [%d, +1 s)", start - T0).isLessThanOrEqualTo(5);
      }
      assertThat(sent.size()).as("searches in %d ms", clock.millis() - T0).isGreaterThan(60);
    }

    @Test
    void shouldSendOneSearchAtATime() {
      // given searches that stay unanswered
      open();
      search.answers(SearchDouble.Answers.HELD);
      change(PI, "1", true);
      writeAll();

      // when a second passes
      advance(1_000);

      // then one search is out, no other was sent
      assertThat(search.count()).isEqualTo(1);
      assertThat(stage.searching()).isTrue();

      // and once it is answered, the next one goes
      search.release();
      advance(100);
      assertThat(search.count()).isEqualTo(2);
      assertThat(searches("answered")).isEqualTo(1);
    }

    @Test
    void shouldAskEveryIndexInOneSearchAndEveryDocumentInTurn() {
      // given 1,200 documents in one index and 300 in another, none searchable
      open(1, 20, 10_000, Duration.ofHours(1));
      for (var i = 0; i < 1_500; i++) {
        change(i < 1_200 ? PI : FNI, Integer.toString(i), true);
      }
      writeAll();

      // when two searches were sent
      advance(60);

      // then each asked for at most 1,000 ids, and together for every document
      assertThat(search.count()).isEqualTo(2);
      var asked = new HashSet<String>();
      for (var i = 0; i < 2; i++) {
        var request = search.request(i);
        assertThat(request.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(1000);
        request.forEach((index, ids) -> ids.forEach(id -> asked.add(index + "/" + id)));
      }
      assertThat(search.request(0)).containsOnlyKeys(PI);
      assertThat(search.request(1)).containsOnlyKeys(PI, FNI);
      assertThat(asked).hasSize(1_500);
    }

    @Test
    void shouldGiveUpASearchWithoutAnswerAfterTheRequestTimeout() {
      // given a search that is never answered
      open(1, 20, 10_000, Duration.ofHours(1));
      search.answers(SearchDouble.Answers.HELD);
      change(PI, "1", true);
      writeAll();

      // when the request timeout (30 s) passes
      advance(30_100);

      // then it counts as failed and the next search is sent
      assertThat(searches("failed")).isEqualTo(1);
      assertThat(search.count()).isEqualTo(2);
    }
  }

  @Nested
  class Starved {

    @Test
    void shouldSearchFromTheRecordPathWhileScheduledTasksDoNotRun() {
      // given a broker so busy with a backlog that the stage's scheduled task never runs
      var scheduled = new ArrayList<Runnable>();
      open(
          1,
          20,
          10_000,
          Duration.ofMinutes(2),
          (delay, task) -> {
            scheduled.add(task);
            return () -> {};
          });

      // when a backlog goes through: every 10 ms, 20 documents become durable and searchable, for a
      // second
      for (var step = 0; step < 100; step++) {
        for (var i = 0; i < 20; i++) {
          var id = step + "-" + i;
          var record = change(PI, id, true);
          search.refreshed(PI, id, record.getPosition());
        }
        writeAll();
        clock.advance(Duration.ofMillis(10));
      }

      // then searches went out from the record path, never above the cap (20/s), and found what
      // they looked for
      assertThat(search.count()).isBetween(10, 20);
      assertThat(visible().getTotalCount()).isGreaterThan(1_500);
      assertThat(scheduled).as("one task waiting, not one per poll").hasSize(1);
    }
  }

  @Nested
  class Bounded {

    @Test
    void shouldDropSamplesBeyondMaxPendingAndCountThem() {
      // given room for 3 followed records
      open(1, 20, 3, Duration.ofMinutes(2));

      // when 5 are accepted
      for (var i = 0; i < 5; i++) {
        change(PI, Integer.toString(i), true);
      }

      // then 3 are followed, 2 dropped and counted
      assertThat(stage.pending()).isEqualTo(3);
      assertThat(records("dropped")).isEqualTo(2);
      assertThat(registry.get(VisibilityMeters.PENDING).gauge().value()).isEqualTo(3);
    }

    @Test
    void shouldGiveUpARecordNeverSeenAndStopSearching() {
      // given a durable document no search finds, and a give-up time of 10 s
      open(1, 20, 10_000, Duration.ofSeconds(10));
      change(PI, "1", true);
      writeAll();

      // when 10 s pass
      advance(10_100);

      // then the record is counted as timed out, nothing is followed, no task runs any more
      assertThat(records("timedOut")).isEqualTo(1);
      assertThat(stage.pending()).isZero();
      assertThat(controller.pendingTasks()).isZero();
    }

    @Test
    void shouldForgetTheRecordsOfADocumentThatIsNeverWritten() {
      // given a followed document in flight
      open();
      change(PI, "1", true);
      var taken = batch.take(10, Long.MAX_VALUE, document -> document, document -> 0);

      // when Elasticsearch refuses it for good (dead-lettered)
      batch.notWritten(taken.getFirst());

      // then its record is not followed any more, and counted
      assertThat(stage.pending()).isZero();
      assertThat(records("notWritten")).isEqualTo(1);
    }

    @Test
    void shouldForgetMergesOfARecordThatWasNotAccepted() {
      // given a merge whose record was refused halfway (a handler threw), not accepted
      open();
      batch.write(new DocumentKey(PI, "1"), Map.of(ReadModelSchema.POSITION, 999L), true);

      // when the next record is accepted
      change(PI, "2", true);

      // then only that one is followed
      assertThat(stage.pending()).isEqualTo(1);
    }
  }

  @Nested
  class Close {

    @Test
    void shouldCloseWithASearchInFlightAndIgnoreItsLateAnswer() {
      // given a search out for a followed record
      open();
      search.answers(SearchDouble.Answers.HELD);
      var created = change(PI, "1", true);
      writeAll();
      advance(10);
      assertThat(stage.searching()).isTrue();

      // when the stage closes, then the answer comes
      stage.close();
      search.refreshed(PI, "1", created.getPosition());
      search.release();
      advance(1_000);

      // then nothing is followed or recorded, and no task is left
      assertThat(stage.pending()).isZero();
      assertThat(visible().getTotalCount()).isZero();
      assertThat(controller.pendingTasks()).isZero();
    }

    @Test
    void shouldCountAFailedSearchAndSearchAgain() {
      // given a search that fails
      open();
      search.answers(SearchDouble.Answers.HELD);
      var created = change(PI, "1", true);
      writeAll();
      advance(10);
      search.fail();
      search.answers(SearchDouble.Answers.AT_ONCE);
      search.refreshed(PI, "1", created.getPosition());

      // when the next polls run
      advance(200);

      // then the failure is counted and the record is seen by a later search
      assertThat(searches("failed")).isEqualTo(1);
      assertThat(visible().getTotalCount()).isEqualTo(1);
    }
  }
}
