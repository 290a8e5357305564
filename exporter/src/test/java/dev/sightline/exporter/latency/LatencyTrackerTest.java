package dev.sightline.exporter.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Stage computation on virtual time: every value below is exact, because nothing but the test moves
 * the clock.
 */
class LatencyTrackerTest {

  private static final long T0 = 1_800_000_000_000L;

  private final RecordFactory records = new RecordFactory(1);
  private final VirtualClock clock = new VirtualClock(T0);
  private final StageRecorders recorders = new StageRecorders();
  private final LatencyTracker tracker = new LatencyTracker(recorders, MicrosClock.of(clock));

  private Record<?> processInstance(long timestampMillis) {
    return records.event(
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ELEMENT_ACTIVATING,
        records.nextKey(),
        ImmutableProcessInstanceRecordValue.builder().build(),
        timestampMillis);
  }

  private Record<?> process(long timestampMillis) {
    return records.event(
        ValueType.PROCESS,
        ProcessIntent.CREATED,
        records.nextKey(),
        ImmutableProcess.builder().build(),
        timestampMillis);
  }

  private void advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
  }

  /**
   * The histogram holds one value, equivalent (same bucket, 3 significant digits) to the expected
   * one.
   */
  private static void assertOnly(Histogram histogram, long expectedMicros) {
    assertThat(histogram.getTotalCount()).as("one value").isEqualTo(1);
    assertThat(histogram.valuesAreEquivalent(histogram.getMaxValue(), expectedMicros))
        .as("%d µs recorded, %d expected", histogram.getMaxValue(), expectedMicros)
        .isTrue();
  }

  @Test
  void shouldComputeEveryStageOfOneRecordFromTheRecordClock() {
    // given a record written at T0, exported 3 ms later
    var record = processInstance(T0);
    advance(3);
    tracker.recordAccepted(record, clock.millis());

    // when the batch waits 497 ms and the bulk request takes 20 ms
    advance(497);
    tracker.flushStarted();
    advance(20);
    tracker.flushSucceeded();

    // then
    var taken = Intervals.take(recorders);
    assertOnly(taken.get("exporter-lag:PROCESS_INSTANCE"), 3_000);
    assertOnly(taken.get("batch-wait:PROCESS_INSTANCE"), 497_000);
    assertOnly(taken.get("bulk:PROCESS_INSTANCE"), 20_000);
    assertOnly(taken.get("flushed:PROCESS_INSTANCE"), 520_000);
  }

  @Test
  void shouldCountTheBackoffOfAFailedAttemptAsBatchWaitAndMeasureBulkFromTheSuccessfulAttempt() {
    // given a record accepted at T0
    tracker.recordAccepted(processInstance(T0), clock.millis());
    advance(100);
    tracker.flushStarted();
    advance(30_000); // the attempt times out: the flusher calls no success

    // when the retry after the backoff succeeds in 10 ms
    advance(2_000);
    tracker.flushStarted();
    advance(10);
    tracker.flushSucceeded();

    // then
    var taken = Intervals.take(recorders);
    assertOnly(taken.get("batch-wait:PROCESS_INSTANCE"), 32_100_000);
    assertOnly(taken.get("bulk:PROCESS_INSTANCE"), 10_000);
    assertThat(tracker.pendingRecords()).isZero();
  }

  @Test
  void shouldMeasureEachRecordOfABatchFromItsOwnTimestamp() {
    // given three records exported 100 ms apart, each 1 ms after it was written
    for (var i = 0; i < 3; i++) {
      var record = processInstance(clock.millis());
      advance(1);
      tracker.recordAccepted(record, clock.millis());
      advance(99);
    }

    // when the batch is flushed 700 ms after the first record, in 0 ms
    advance(400);
    tracker.flushStarted();
    tracker.flushSucceeded();

    // then
    var flushed = Intervals.take(recorders).get("flushed:PROCESS_INSTANCE");
    assertThat(flushed.getTotalCount()).isEqualTo(3);
    assertThat(flushed.getMinValue()).isBetween(499_500L, 500_000L);
    assertThat(flushed.getMaxValue())
        .isCloseTo(700_000L, org.assertj.core.data.Percentage.withPercentage(0.1));
    assertThat(flushed.getMean()).isBetween(599_000.0, 600_500.0);
  }

  @Test
  void shouldRecordABurstOfEqualValuesWithItsCount() {
    // given 10,000 records written and exported in the same millisecond
    for (var i = 0; i < 10_000; i++) {
      tracker.recordAccepted(processInstance(T0), T0);
    }
    advance(1_000);

    // when
    tracker.flushStarted();
    tracker.flushSucceeded();

    // then
    var taken = Intervals.take(recorders);
    assertThat(taken.values())
        .allSatisfy(histogram -> assertThat(histogram.getTotalCount()).isEqualTo(10_000));
    assertThat(taken.get("flushed:PROCESS_INSTANCE").getMinValue()).isBetween(999_500L, 1_000_000L);
  }

  @Test
  void shouldKeepValueTypesApart() {
    // given
    tracker.recordAccepted(process(T0), T0);
    tracker.recordAccepted(processInstance(T0), T0);
    tracker.recordAccepted(processInstance(T0), T0);

    // when
    tracker.flushStarted();
    tracker.flushSucceeded();

    // then
    var taken = Intervals.take(recorders);
    assertThat(taken.get("bulk:PROCESS").getTotalCount()).isEqualTo(1);
    assertThat(taken.get("bulk:PROCESS_INSTANCE").getTotalCount()).isEqualTo(2);
    assertThat(taken.get("exporter-lag:PROCESS").getTotalCount()).isEqualTo(1);
    assertThat(taken.get("exporter-lag:PROCESS_INSTANCE").getTotalCount()).isEqualTo(2);
  }

  @Test
  void shouldMeasureOnlyTheRecordsAcceptedSinceThePreviousSuccessfulFlush() {
    // given a first batch flushed
    tracker.recordAccepted(processInstance(T0), T0);
    tracker.flushStarted();
    tracker.flushSucceeded();
    Intervals.take(recorders);

    // when a second batch of two is flushed
    tracker.recordAccepted(processInstance(T0), T0);
    tracker.recordAccepted(processInstance(T0), T0);
    tracker.flushStarted();
    tracker.flushSucceeded();

    // then
    assertThat(Intervals.take(recorders).get("flushed:PROCESS_INSTANCE").getTotalCount())
        .isEqualTo(2);
  }

  @Test
  void shouldGrowAndShrinkItsArraysWithoutLosingRecords() {
    // given a batch larger than the arrays' shrink threshold
    var count = PendingRecordTimes.SHRINK_ABOVE + 5;
    for (var i = 0; i < count; i++) {
      tracker.recordAccepted(processInstance(T0 + i % 7), T0 + 10);
    }

    // when
    tracker.flushStarted();
    tracker.flushSucceeded();

    // then
    assertThat(Intervals.take(recorders).get("flushed:PROCESS_INSTANCE").getTotalCount())
        .isEqualTo(count);
    assertThat(tracker.pendingRecords()).isZero();
  }

  @Nested
  class Resolution {

    /** A clock with microseconds, like the JDK's system clock on Linux. */
    private long nowMicros = T0 * 1_000;

    private final InstantSource fineClock = () -> Instant.EPOCH.plusNanos(nowMicros * 1_000 + 789);
    private final LatencyTracker fine = new LatencyTracker(recorders, MicrosClock.of(fineClock));

    @Test
    void shouldMeasureBulkInMicrosecondsWhenTheClockHasThem() {
      // given
      fine.recordAccepted(processInstance(T0), T0);
      nowMicros += 250_000;
      fine.flushStarted();

      // when the bulk request takes 1,234 µs
      nowMicros += 1_234;
      fine.flushSucceeded();

      // then
      var taken = Intervals.take(recorders);
      assertOnly(taken.get("bulk:PROCESS_INSTANCE"), 1_234);
      assertOnly(taken.get("flushed:PROCESS_INSTANCE"), 251_234);
    }

    @Test
    void shouldConvertTheClockToMicrosecondsSinceTheEpoch() {
      assertThat(MicrosClock.of(fineClock).nowMicros()).isEqualTo(T0 * 1_000);
      assertThat(MicrosClock.of(clock).nowMicros()).isEqualTo(T0 * 1_000);
    }
  }
}
