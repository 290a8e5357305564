package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.host.actor.VirtualClock;
import dev.sightline.probe.host.source.AppendingRecordSource;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real-time driver, on a virtual clock: its pacer moves the clock instead of sleeping. */
class RealTimeDriverTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private record Appended(int partitionId, Record<?> record, Instant at) {}

  private final VirtualClock clock = new VirtualClock(START.minusSeconds(5));
  private final List<Appended> appended = new ArrayList<>();

  private static Workload workload() {
    return Workload.of(
        WorkloadSpec.defaults().withRate(20).withDuration(Duration.ofSeconds(1), Duration.ZERO),
        START);
  }

  private static List<Record<?>> virtual(Workload workload, int partitionId) {
    return workload.stream(partitionId).toList();
  }

  @Test
  void shouldAppendEachRecordWhenTheClockReachesItsIntendedTime() {
    // given
    var workload = workload();
    var driver = new RealTimeDriver(workload, this::record, clock, clock::advanceTo);

    // when
    driver.run();

    // then
    assertThat(appended)
        .allSatisfy(
            a -> assertThat(a.at()).isEqualTo(Instant.ofEpochMilli(a.record().getTimestamp())));
    for (int p = 1; p <= 3; p++) {
      int partitionId = p;
      assertThat(
              appended.stream()
                  .filter(a -> a.partitionId() == partitionId)
                  .map(Appended::record)
                  .toList())
          .as("partition %d: the virtual-time records, all of them, in order", p)
          .isEqualTo(virtual(workload, p));
    }
    assertThat(driver.progress())
        .isEqualTo(new DriverProgress(appended.size(), Duration.ZERO, Duration.ZERO, true));
  }

  @Test
  void shouldAppendOverdueRecordsAtOnceAndReportHowFarBehindItIs() {
    // given: each append takes 2 ms of the clock, more than the workload leaves between records
    var workload = workload();
    var behindWhileAppending = new ArrayList<Duration>();
    var driver = new RealTimeDriver[1];
    driver[0] =
        new RealTimeDriver(
            workload,
            (partitionId, record) -> {
              record(partitionId, record);
              clock.advance(Duration.ofMillis(2));
              behindWhileAppending.add(driver[0].progress().behind());
            },
            clock,
            clock::advanceTo);

    // when
    driver[0].run();

    // then: nothing dropped, nothing re-stamped, the lateness reported
    long total = IntStream.rangeClosed(1, 3).mapToLong(p -> virtual(workload, p).size()).sum();
    assertThat(appended).hasSize((int) total);
    for (int p = 1; p <= 3; p++) {
      int partitionId = p;
      assertThat(
              appended.stream()
                  .filter(a -> a.partitionId() == partitionId)
                  .map(Appended::record)
                  .toList())
          .isEqualTo(virtual(workload, p));
    }
    long latestMillis =
        appended.stream()
            .mapToLong(a -> a.at().toEpochMilli() - a.record().getTimestamp())
            .max()
            .orElseThrow();
    assertThat(latestMillis).isGreaterThan(1000);
    assertThat(driver[0].progress().maxBehind()).isEqualTo(Duration.ofMillis(latestMillis));
    Appended last = appended.getLast();
    assertThat(behindWhileAppending.getLast())
        .as("the clock, 2 ms after the last append began, minus that record's intended time")
        .isEqualTo(Duration.ofMillis(last.at().toEpochMilli() + 2 - last.record().getTimestamp()));
    assertThat(driver[0].progress().finished()).isTrue();
    assertThat(driver[0].progress().behind()).as("nothing left to append").isZero();
  }

  @Test
  void shouldStopWhenAsked() {
    // given: a sink that stops the driver after the deployment's records
    var workload = workload();
    var driver = new RealTimeDriver[1];
    driver[0] =
        new RealTimeDriver(
            workload,
            (partitionId, record) -> {
              record(partitionId, record);
              if (appended.size() == 4) {
                driver[0].stop();
              }
            },
            clock,
            clock::advanceTo);

    // when
    driver[0].run();

    // then
    assertThat(driver[0].progress().appended()).isEqualTo(4);
    assertThat(driver[0].progress().finished()).isFalse();
  }

  @Test
  void shouldFeedTheHostsRecordSourcesWithoutWaitingForAConsumer() {
    // given: sources nobody reads
    var workload = workload();
    Map<Integer, AppendingRecordSource> sources =
        Map.of(
            1,
            new AppendingRecordSource(),
            2,
            new AppendingRecordSource(),
            3,
            new AppendingRecordSource());
    var driver = new RealTimeDriver(workload, RecordSink.of(sources), clock, clock::advanceTo);

    // when
    driver.run();

    // then
    sources.forEach(
        (p, source) -> assertThat(source.size()).isEqualTo(virtual(workload, p).size()));
  }

  private void record(int partitionId, Record<?> record) {
    appended.add(new Appended(partitionId, record, clock.instant()));
  }
}
