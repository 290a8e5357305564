package dev.sightline.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.host.CallLog.Call;
import dev.sightline.probe.host.RecordingExporter.Hooks;
import dev.sightline.probe.host.actor.VirtualTimeScheduler;
import dev.sightline.probe.host.source.AppendingRecordSource;
import dev.sightline.probe.host.source.ListRecordSource;
import io.camunda.zeebe.exporter.api.context.Context.RecordFilter;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The broker-like lifecycle, with in-process exporters and virtual time. */
class BrokerHostTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final BrokerRetry TINY_BACKOFF =
      new BrokerRetry(Duration.ofMillis(1), Duration.ofMillis(5));

  private final VirtualTimeScheduler time = new VirtualTimeScheduler(START);
  private final CallLog log = new CallLog();
  private BrokerHost host;

  @AfterEach
  void closeHost() {
    if (host != null) {
      host.close();
    }
    time.close();
  }

  private BrokerHost host(Hooks hooks) {
    host =
        BrokerHost.builder()
            .inProcessExporter("recording", Map.of(), () -> new RecordingExporter(log, hooks))
            .scheduler(time)
            .exportBackoff(TINY_BACKOFF)
            .openBackoff(TINY_BACKOFF)
            .build();
    return host;
  }

  private static Hooks acknowledgingEach() {
    return Hooks.none()
        .onExport(
            (exporter, record) ->
                exporter.controller().updateLastExportedRecordPosition(record.getPosition()));
  }

  @Nested
  class Exporting {

    @Test
    void shouldExportRecordsInPositionOrderOnOneThread() {
      // given
      host(Hooks.none());

      // when
      HostedPartition partition =
          host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(2, 3, 5, 8)));
      time.runUntilIdle();

      // then
      assertThat(log.methods())
          .containsExactly(
              "configure", "configure", "open", "export", "export", "export", "export");
      assertThat(log.exportedPositions()).containsExactly(2L, 3L, 5L, 8L);
      assertThat(log.calls("export"))
          .extracting(Call::thread)
          .containsOnly(log.calls("open").getFirst().thread());
      assertThat(log.calls("open").getFirst().thread().getName())
          .isEqualTo("sightline-host-partition-1");
      assertThat(partition.deliveredPosition()).isEqualTo(8);
      assertThat(partition.opened()).isCompleted();
    }

    @Test
    void shouldHandOverRecordsAppendedWhileRunning() {
      // given
      host(Hooks.none());
      AppendingRecordSource source = new AppendingRecordSource();
      source.appendAll(TestRecords.processInstances(1));
      host.startPartition(1, source);
      time.runUntilIdle();

      // when
      source.appendAll(TestRecords.processInstances(2, 3));
      time.runUntilIdle();

      // then
      assertThat(log.exportedPositions()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldGiveTheExporterTheHostsClock() {
      // given
      host(Hooks.none());
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
      time.advanceBy(Duration.ofSeconds(3));

      // when
      Instant seen = host.clock().instant();

      // then
      assertThat(seen).isEqualTo(START.plusSeconds(3));
      assertThat(log.calls("export").getFirst().time()).isEqualTo(START);
    }
  }

  @Nested
  class Filtering {

    private final RecordFilter onlyProcessInstanceActivations =
        new RecordFilter() {
          @Override
          public boolean acceptType(RecordType recordType) {
            return recordType == RecordType.EVENT;
          }

          @Override
          public boolean acceptValue(ValueType valueType) {
            return valueType == ValueType.PROCESS_INSTANCE;
          }

          @Override
          public boolean acceptIntent(Intent intent) {
            return intent == ProcessInstanceIntent.ELEMENT_ACTIVATING;
          }
        };

    private final List<Record<?>> mixed =
        List.of(
            TestRecords.processInstance(1, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            TestRecords.job(2),
            TestRecords.processInstance(3, ProcessInstanceIntent.ELEMENT_COMPLETED),
            TestRecords.processInstance(4, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            TestRecords.job(5),
            TestRecords.job(6));

    @Test
    void shouldNotHandOverRecordsTheFilterRejects() {
      // given
      host(
          Hooks.none()
              .onConfigure(
                  (exporter, context) -> context.setFilter(onlyProcessInstanceActivations)));

      // when
      HostedPartition partition = host.startPartition(1, ListRecordSource.of(mixed));
      time.runUntilIdle();

      // then
      assertThat(log.exportedPositions()).containsExactly(1L, 4L);
      assertThat(partition.deliveredPosition())
          .as("skipped records count as delivered")
          .isEqualTo(6);
    }

    @Test
    void shouldMoveTheAcknowledgedPositionPastSkippedRecordsOnlyWhenUpToDate() {
      // given: acknowledges record 1 but never record 4
      host(
          Hooks.none()
              .onConfigure((exporter, context) -> context.setFilter(onlyProcessInstanceActivations))
              .onExport(
                  (exporter, record) -> {
                    if (record.getPosition() == 1) {
                      exporter.controller().updateLastExportedRecordPosition(1);
                    }
                  }));

      // when
      host.startPartition(1, ListRecordSource.of(mixed));
      time.runUntilIdle();

      // then: 2 and 3 skipped while up to date; 4 handed over unacknowledged, so 5 and 6 cannot
      // move it
      assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(3);
    }

    @Test
    void shouldMoveTheAcknowledgedPositionToTheLastSkippedRecordWhenEverythingIsAcknowledged() {
      // given
      host(
          acknowledgingEach()
              .onConfigure(
                  (exporter, context) -> context.setFilter(onlyProcessInstanceActivations)));

      // when
      host.startPartition(1, ListRecordSource.of(mixed));
      time.runUntilIdle();

      // then
      assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(6);
    }
  }

  @Nested
  class Retrying {

    @Test
    void shouldRetryAFailedExportWithGrowingBackoffUntilItSucceeds() {
      // given: the second record fails three times
      AtomicInteger failuresLeft = new AtomicInteger(3);
      host(
          Hooks.none()
              .onExport(
                  (exporter, record) -> {
                    if (record.getPosition() == 2 && failuresLeft.getAndDecrement() > 0) {
                      throw new IllegalStateException("store unavailable");
                    }
                  }));

      // when
      HostedPartition partition =
          host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2, 3)));
      time.advanceBy(Duration.ofSeconds(1));

      // then
      assertThat(log.exportedPositions()).containsExactly(1L, 2L, 2L, 2L, 2L, 3L);
      List<Instant> attempts =
          log.calls("export").stream()
              .filter(call -> call.position() == 2)
              .map(Call::time)
              .toList();
      List<Duration> waits = new ArrayList<>();
      for (int i = 1; i < attempts.size(); i++) {
        waits.add(Duration.between(attempts.get(i - 1), attempts.get(i)));
      }
      assertThat(waits)
          .as("doubling from 1 ms, capped at 5 ms, as the broker's backoff")
          .containsExactly(Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(5));
      assertThat(partition.deliveredPosition()).isEqualTo(3);
    }

    @Test
    void shouldNotRetryExportersThatAlreadyReceivedTheRecord() {
      // given
      CallLog second = new CallLog();
      AtomicInteger failuresLeft = new AtomicInteger(2);
      host =
          BrokerHost.builder()
              .inProcessExporter("first", Map.of(), () -> new RecordingExporter(log, Hooks.none()))
              .inProcessExporter(
                  "second",
                  Map.of(),
                  () ->
                      new RecordingExporter(
                          second,
                          Hooks.none()
                              .onExport(
                                  (e, r) -> {
                                    if (failuresLeft.getAndDecrement() > 0) {
                                      throw new IllegalStateException("boom");
                                    }
                                  })))
              .scheduler(time)
              .exportBackoff(TINY_BACKOFF)
              .build();

      // when
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
      time.advanceBy(Duration.ofMillis(100));

      // then
      assertThat(log.exportedPositions()).containsExactly(1L);
      assertThat(second.exportedPositions()).containsExactly(1L, 1L, 1L);
    }

    @Test
    void shouldRetryAFailedOpenBeforeReadingRecords() {
      // given
      AtomicInteger failuresLeft = new AtomicInteger(2);
      host(
          Hooks.none()
              .onOpen(
                  exporter -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                      throw new IllegalStateException("not yet");
                    }
                  }));

      // when
      HostedPartition partition =
          host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
      time.runUntilIdle();
      boolean openedAtOnce = partition.opened().isDone();
      time.advanceBy(Duration.ofMillis(10));

      // then
      assertThat(openedAtOnce).isFalse();
      assertThat(log.methods())
          .containsExactly("configure", "configure", "open", "open", "open", "export");
    }
  }

  @Nested
  class ScheduledTasks {

    @Test
    void shouldRunScheduledTasksOnTheExportThreadAtTheirTime() {
      // given
      host(
          Hooks.none()
              .onOpen(
                  exporter ->
                      exporter
                          .controller()
                          .scheduleCancellableTask(
                              Duration.ofSeconds(1), () -> exporter.logCall("flush"))));
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
      time.runUntilIdle();

      // when
      time.advanceBy(Duration.ofMillis(999));
      int before = log.calls("flush").size();
      time.advanceBy(Duration.ofMillis(1));

      // then
      assertThat(before).isZero();
      assertThat(log.calls("flush"))
          .singleElement()
          .satisfies(
              flush -> {
                assertThat(flush.thread()).isSameAs(log.calls("export").getFirst().thread());
                assertThat(flush.time()).isEqualTo(START.plusSeconds(1));
              });
    }

    @Test
    void shouldNotRunACancelledTask() {
      // given
      host(
          Hooks.none()
              .onOpen(
                  exporter ->
                      exporter
                          .controller()
                          .scheduleCancellableTask(
                              Duration.ofSeconds(1), () -> exporter.logCall("flush"))
                          .cancel()));
      host.startPartition(1, ListRecordSource.of());

      // when
      time.advanceBy(Duration.ofSeconds(2));

      // then
      assertThat(log.calls("flush")).isEmpty();
    }

    @Test
    void shouldRefuseToScheduleFromAnotherThreadLikeTheBroker() {
      // given
      var opened = new java.util.concurrent.atomic.AtomicReference<RecordingExporter>();
      host(Hooks.none().onOpen(opened::set));
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
      time.runUntilIdle();

      // when / then
      assertThatThrownBy(
              () -> opened.get().controller().scheduleCancellableTask(Duration.ZERO, () -> {}))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("must only be called from within the actor");
    }

    @Test
    void shouldFailThePartitionWhenAScheduledTaskThrows() {
      // given
      host(
          Hooks.none()
              .onOpen(
                  exporter ->
                      exporter
                          .controller()
                          .scheduleCancellableTask(
                              Duration.ofSeconds(1),
                              () -> {
                                throw new IllegalStateException("flush blew up");
                              })));
      HostedPartition partition =
          host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));

      // when
      time.advanceBy(Duration.ofSeconds(1));
      partition.stop();

      // then
      assertThat(partition.isRunning()).isFalse();
      assertThat(partition.failure())
          .get()
          .extracting(Throwable::getMessage)
          .isEqualTo("flush blew up");
      assertThat(log.methods()).as("a failed actor closes nothing").doesNotContain("close");
    }
  }

  @Nested
  class Positions {

    @Test
    void shouldOnlyMoveTheAcknowledgedPositionForward() {
      // given: acknowledges 3, then an older 2, then 4 with metadata, then 4 again with other
      // metadata
      host(
          Hooks.none()
              .onExport(
                  (exporter, record) -> {
                    var controller = exporter.controller();
                    if (record.getPosition() == 4) {
                      controller.updateLastExportedRecordPosition(3, bytes("three"));
                      controller.updateLastExportedRecordPosition(2, bytes("two"));
                      controller.updateLastExportedRecordPosition(4, bytes("four"));
                      controller.updateLastExportedRecordPosition(4, bytes("four again"));
                    }
                  }));

      // when
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(4)));
      time.runUntilIdle();

      // then
      assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(4);
      assertThat(host.exporterMetadata(1, "recording"))
          .get()
          .extracting(BrokerHostTest::text)
          .isEqualTo("four");
    }

    @Test
    void shouldKeepTheStoredMetadataWhenAPositionComesWithout() {
      // given
      host(
          Hooks.none()
              .onExport(
                  (exporter, record) -> {
                    if (record.getPosition() == 1) {
                      exporter.controller().updateLastExportedRecordPosition(1, bytes("counters"));
                    } else {
                      exporter.controller().updateLastExportedRecordPosition(record.getPosition());
                    }
                  }));

      // when
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2)));
      time.runUntilIdle();

      // then
      assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(2);
      assertThat(host.exporterMetadata(1, "recording"))
          .get()
          .extracting(BrokerHostTest::text)
          .isEqualTo("counters");
    }

    @Test
    void shouldApplyAPositionUpdateAfterTheCurrentCallLikeTheBroker() {
      // given
      List<Long> seenInsideExport = new ArrayList<>();
      host(
          Hooks.none()
              .onExport(
                  (exporter, record) -> {
                    exporter.controller().updateLastExportedRecordPosition(record.getPosition());
                    seenInsideExport.add(exporter.controller().getLastExportedRecordPosition());
                  }));

      // when
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2)));
      time.runUntilIdle();

      // then
      assertThat(seenInsideExport).containsExactly(-1L, 1L);
      assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(2);
    }
  }

  @Nested
  class Restarting {

    private final ListRecordSource log5 =
        ListRecordSource.of(TestRecords.processInstances(1, 2, 3, 4, 5));

    @Test
    void shouldReplayFromTheAcknowledgedPositionWithTheStoredMetadataAfterACrash() {
      // given: acknowledges up to 3 with metadata, then the broker dies
      List<String> metadataAtOpen = new ArrayList<>();
      host(
          Hooks.none()
              .onOpen(
                  exporter ->
                      metadataAtOpen.add(
                          exporter
                              .controller()
                              .readMetadata()
                              .map(BrokerHostTest::text)
                              .orElse("none")))
              .onExport(
                  (exporter, record) -> {
                    if (record.getPosition() <= 3) {
                      exporter
                          .controller()
                          .updateLastExportedRecordPosition(
                              record.getPosition(), bytes("up to " + record.getPosition()));
                    }
                  }));
      HostedPartition first = host.startPartition(1, log5);
      time.runUntilIdle();
      first.crash();

      // when
      HostedPartition second = host.startPartition(1, log5);
      time.runUntilIdle();

      // then
      assertThat(log.methods()).as("a crash closes nothing").doesNotContain("close");
      List<Call> exports = log.calls("export");
      assertThat(exports)
          .filteredOn(call -> call.instance() == 2)
          .extracting(Call::position)
          .containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(exports)
          .filteredOn(call -> call.instance() == 3)
          .extracting(Call::position)
          .as("replay starts after the acknowledged position 3")
          .containsExactly(4L, 5L);
      assertThat(metadataAtOpen).containsExactly("none", "up to 3");
      assertThat(second.deliveredPosition()).isEqualTo(5);
    }

    @Test
    void shouldCloseTheExporterOnACleanStopAndRestartWhereItLeftOff() {
      // given
      host(acknowledgingEach());
      HostedPartition first =
          host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2)));
      time.runUntilIdle();

      // when
      first.stop();
      host.startPartition(1, log5);
      time.runUntilIdle();

      // then
      assertThat(log.methods())
          .containsExactly(
              "configure",
              "configure",
              "open",
              "export",
              "export",
              "close",
              "configure",
              "open",
              "export",
              "export",
              "export");
      assertThat(log.exportedPositions()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldRefuseToStartAPartitionThatIsStillRunning() {
      // given
      host(Hooks.none());
      host.startPartition(1, log5);

      // when / then
      assertThatThrownBy(() -> host.startPartition(1, log5))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("still running");
    }
  }

  @Nested
  class Partitions {

    @Test
    void shouldRunEachPartitionOnItsOwnThreadWithItsOwnInstance() {
      // given
      host(acknowledgingEach());

      // when
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2)));
      host.startPartition(2, ListRecordSource.of(TestRecords.processInstances(7)));
      time.runUntilIdle();

      // then
      assertThat(log.calls("export"))
          .extracting(Call::partitionId, Call::position)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(1, 1L),
              org.assertj.core.groups.Tuple.tuple(1, 2L),
              org.assertj.core.groups.Tuple.tuple(2, 7L));
      assertThat(log.calls("export").stream().map(call -> call.thread().getName()).distinct())
          .containsExactlyInAnyOrder("sightline-host-partition-1", "sightline-host-partition-2");
      assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(2);
      assertThat(host.acknowledgedPosition(2, "recording")).isEqualTo(7);
    }

    @Test
    void shouldShareOneMeterRegistryTaggedByPartition() {
      // given
      host(
          Hooks.none()
              .onExport(
                  (exporter, record) ->
                      exporter.context().getMeterRegistry().counter("test.exported").increment()));

      // when
      HostedPartition one =
          host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2)));
      host.startPartition(2, ListRecordSource.of(TestRecords.processInstances(1)));
      time.runUntilIdle();

      // then
      assertThat(host.meterRegistry().get("test.exported").tag("partition", "1").counter().count())
          .isEqualTo(2);
      assertThat(host.meterRegistry().get("test.exported").tag("partition", "2").counter().count())
          .isEqualTo(1);

      // and a restarted instance registers its meters afresh
      one.stop();
      assertThat(host.meterRegistry().find("test.exported").tag("partition", "1").counter())
          .isNull();
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2, 3)));
      time.runUntilIdle();
      assertThat(host.meterRegistry().get("test.exported").tag("partition", "1").counter().count())
          .isEqualTo(3);
    }
  }

  @Test
  void shouldFailThePartitionWhenTheRealConfigureThrows() {
    // given: validation passes, the partition's instance fails
    host(
        Hooks.none()
            .onConfigure(
                (exporter, context) -> {
                  if (context.getPartitionId() == 1) {
                    throw new IllegalArgumentException("no index prefix");
                  }
                }));

    // when
    HostedPartition partition =
        host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
    time.runUntilIdle();

    // then
    assertThat(partition.opened()).isCompletedExceptionally();
    assertThat(partition.failure())
        .get()
        .extracting(Throwable::getMessage)
        .isEqualTo("Exporter 'recording' failed to configure: no index prefix");
    assertThat(log.methods()).containsExactly("configure", "configure");
  }

  @Test
  void shouldPurgeWithAFreshInstanceAndForgetPositions() {
    // given
    host(acknowledgingEach());
    host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1))).stop();

    // when
    host.purge();

    // then
    assertThat(log.calls())
        .extracting(Call::method, Call::instance)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("configure", 3),
            org.assertj.core.groups.Tuple.tuple("purge", 3),
            org.assertj.core.groups.Tuple.tuple("close", 3));
    assertThat(host.acknowledgedPosition(1, "recording")).isEqualTo(-1);
  }

  @Test
  void shouldLetARealTimeCallerWaitForDeliveryAndAcknowledgement() {
    // given: real time, as integration tests use it
    try (BrokerHost realTime =
        BrokerHost.builder()
            .inProcessExporter(
                "recording", Map.of(), () -> new RecordingExporter(log, acknowledgingEach()))
            .build()) {

      // when
      HostedPartition partition =
          realTime.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2, 3)));

      // then
      assertThat(partition.awaitDelivered(3, Duration.ofSeconds(30))).isTrue();
      assertThat(partition.awaitAcknowledged("recording", 3, Duration.ofSeconds(30))).isTrue();
      assertThat(log.exportedPositions()).containsExactly(1L, 2L, 3L);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
