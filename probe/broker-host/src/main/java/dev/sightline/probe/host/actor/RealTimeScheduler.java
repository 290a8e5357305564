package dev.sightline.probe.host.actor;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time: one daemon timer thread hands due tasks to their actors.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class RealTimeScheduler implements HostScheduler {

  private final InstantSource clock;
  private final ActorActivity activity = new ActorActivity();
  private final ScheduledThreadPoolExecutor timers;

  public RealTimeScheduler() {
    this(InstantSource.system());
  }

  /**
   * @param clock what exporters see as the time; timers still wait in real time
   */
  public RealTimeScheduler(InstantSource clock) {
    this.clock = clock;
    this.timers =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "sightline-host-timer");
              thread.setDaemon(true);
              return thread;
            });
    timers.setRemoveOnCancelPolicy(true);
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  @Override
  public Timer schedule(Duration delay, Actor actor, Runnable task) {
    ScheduledFuture<?> future =
        timers.schedule(
            () -> actor.submit(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public ActorActivity activity() {
    return activity;
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
