package dev.sightline.probe.host.actor;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Where the host's time comes from: the clock handed to exporters and the timers behind scheduled
 * tasks and retry backoff. {@link RealTimeScheduler} uses wall-clock time; {@link
 * VirtualTimeScheduler} lets a test move time forward by hand.
 *
 * <p>Thread-safety: implementations are thread-safe.
 */
public interface HostScheduler extends AutoCloseable {

  /** The time source exporters see through {@code Context#clock()}. */
  InstantSource clock();

  /**
   * Submits {@code task} to {@code actor} once {@code delay} has passed on {@link #clock()}. The
   * task runs on the actor's thread, never on the scheduler's.
   */
  Timer schedule(Duration delay, Actor actor, Runnable task);

  /** The activity counter that every actor of a host using this scheduler reports to. */
  ActorActivity activity();

  /** Releases the scheduler's own threads; pending timers never fire. */
  @Override
  void close();
}
