package dev.sightline.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void shouldReturnOnceTheConditionHolds() {
    // given a condition that holds on its third poll
    var polls = new AtomicInteger();

    // when
    Await.until(() -> polls.incrementAndGet() == 3, "the third poll");

    // then
    assertThat(polls).hasValue(3);
  }

  @Test
  void shouldFailNamingWhatItWaitedFor() {
    // given / when / then
    assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(100), () -> "Godot"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Waited PT0.1S for Godot");
  }

  @Test
  void shouldCheckAtTheStartOfThePeriodAndAgainAtItsEnd() {
    // given
    var checks = new AtomicInteger();

    // when
    Await.during(Duration.ofMillis(100), checks::incrementAndGet);

    // then
    assertThat(checks.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldFailOnTheFirstCheckThatFails() {
    // given a check that fails on its second run, in a period far longer than the test
    var checks = new AtomicInteger();

    // when / then
    assertThatThrownBy(
            () ->
                Await.during(
                    Duration.ofMinutes(10),
                    () -> assertThat(checks.incrementAndGet()).as("check").isLessThan(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("check");
    assertThat(checks).hasValue(2);
  }

  @Test
  void shouldStopAdvancingVirtualTimeOnceThePositionIsAcknowledged() {
    // given an exporter that acknowledges position 7 from a task due in 100 ms
    var clock = new VirtualClock(0);
    var controller = new TestController(clock);
    controller.scheduleCancellableTask(
        Duration.ofMillis(100), () -> controller.updateLastExportedRecordPosition(7));

    // when
    Await.advanceUntilAcknowledged(controller, 7, Duration.ofMinutes(1));

    // then
    assertThat(controller.getLastExportedRecordPosition()).isEqualTo(7);
    assertThat(clock.millis()).isEqualTo(100);
  }

  @Test
  void shouldAdvanceTheWholeBoundWhenNothingIsAcknowledged() {
    // given
    var clock = new VirtualClock(0);
    var controller = new TestController(clock);

    // when
    Await.advanceUntilAcknowledged(controller, 7, Duration.ofMillis(200));

    // then
    assertThat(controller.getLastExportedRecordPosition()).isEqualTo(-1);
    assertThat(clock.millis()).isEqualTo(200);
  }
}
