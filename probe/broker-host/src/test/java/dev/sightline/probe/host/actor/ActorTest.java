package dev.sightline.probe.host.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActorTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualTimeScheduler time = new VirtualTimeScheduler(START);
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Actor actor =
      new Actor("test-actor", getClass().getClassLoader(), time, failures::add);

  @AfterEach
  void stop() {
    actor.terminate();
    actor.awaitTermination(Duration.ofSeconds(5));
  }

  @Test
  void shouldRunAJobGivenToRunOnTheActorBeforeQueuedJobs() {
    // given
    actor.start();

    // when
    actor.submit(
        () -> {
          actor.submit(() -> events.add("submitted"));
          actor.run(() -> events.add("run"));
          events.add("current");
        });
    time.runUntilIdle();

    // then
    assertThat(events).containsExactly("current", "run", "submitted");
  }

  @Test
  void shouldFireTimersInDueOrderAtTheirDueTime() {
    // given
    actor.start();
    actor.submit(
        () -> {
          actor.schedule(Duration.ofSeconds(2), () -> events.add("2s at " + time.now()));
          actor.schedule(
              Duration.ofSeconds(1),
              () -> {
                events.add("1s at " + time.now());
                actor.schedule(Duration.ofMillis(500), () -> events.add("1.5s at " + time.now()));
              });
          actor.schedule(Duration.ofSeconds(3), () -> events.add("3s")).cancel();
        });
    time.runUntilIdle();

    // when
    time.advanceBy(Duration.ofSeconds(5));

    // then
    assertThat(events)
        .containsExactly(
            "1s at " + START.plusSeconds(1),
            "1.5s at " + START.plusMillis(1500),
            "2s at " + START.plusSeconds(2));
    assertThat(time.now()).isEqualTo(START.plusSeconds(5));
    assertThat(time.pendingTimers()).isZero();
  }

  @Test
  void shouldStopAndDropQueuedJobsWhenAJobThrows() {
    // given
    actor.start();

    // when
    actor.submit(
        () -> {
          actor.submit(() -> events.add("never"));
          throw new IllegalStateException("boom");
        });
    time.runUntilIdle();

    // then
    assertThat(actor.awaitTermination(Duration.ofSeconds(5))).isTrue();
    assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    assertThat(events).isEmpty();
    assertThat(time.activity().pendingJobs()).isZero();
  }
}
