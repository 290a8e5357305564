package dev.sightline.probe.host.actor;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Time that only moves when a test says so. Timers fire in due order when {@link #advanceBy} passes
 * their due time; each fired task runs on its actor, and the scheduler waits until all actors are
 * quiet before it fires the next one, so a run is deterministic and needs no sleeps.
 *
 * <p>The time is a {@link VirtualClock}, as in the exporter's and the workload's unit tests.
 *
 * <p>Actors keep their own threads: exporter calls still happen on the partition's actor thread, as
 * in a broker; only the clock and the timers are virtual.
 *
 * <p>Thread-safety: thread-safe. {@link #advanceBy} and {@link #runUntilIdle} must not be called on
 * an actor.
 */
public final class VirtualTimeScheduler implements HostScheduler {

  /** How long to wait for actors to become quiet before concluding a job hangs. */
  private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(30);

  private final ActorActivity activity = new ActorActivity();
  private final PriorityQueue<PendingTimer> timers =
      new PriorityQueue<>(
          Comparator.comparing(PendingTimer::due).thenComparingLong(PendingTimer::sequence));
  private final VirtualClock clock;
  private long sequence;

  public VirtualTimeScheduler(Instant start) {
    this.clock = new VirtualClock(start);
  }

  public Instant now() {
    return clock.instant();
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  @Override
  public synchronized Timer schedule(Duration delay, Actor actor, Runnable task) {
    PendingTimer timer = new PendingTimer(now().plus(delay), sequence++, actor, task);
    timers.add(timer);
    return () -> cancel(timer);
  }

  @Override
  public ActorActivity activity() {
    return activity;
  }

  /** Waits until no actor has a job queued or running. Time does not move. */
  public void runUntilIdle() {
    activity.awaitQuiet(QUIET_TIMEOUT);
  }

  /**
   * Moves time forward by {@code duration}, firing every timer that falls due on the way, in due
   * order, each at its due time; returns once all actors are quiet at the new time.
   */
  public void advanceBy(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now().plus(duration);
    }
    runUntilIdle();
    while (true) {
      PendingTimer due;
      synchronized (this) {
        PendingTimer next = timers.peek();
        if (next == null || next.due().isAfter(target)) {
          clock.advanceTo(target);
          break;
        }
        due = timers.poll();
        clock.advanceTo(due.due());
      }
      due.actor().submit(due.task());
      runUntilIdle();
    }
    runUntilIdle();
  }

  /** Time until the next pending timer is due, if any. */
  public synchronized Optional<Duration> untilNextTimer() {
    return Optional.ofNullable(timers.peek()).map(timer -> Duration.between(now(), timer.due()));
  }

  public synchronized int pendingTimers() {
    return timers.size();
  }

  @Override
  public synchronized void close() {
    timers.clear();
  }

  private synchronized void cancel(PendingTimer timer) {
    timers.remove(timer);
  }

  private record PendingTimer(Instant due, long sequence, Actor actor, Runnable task) {}
}
