package dev.sightline.probe.host.actor;

/**
 * A pending one-shot timer. Thread-safety: {@link #cancel()} may be called from any thread,
 * repeatedly.
 */
@FunctionalInterface
public interface Timer {

  /** Stops the task from running if it has not started yet. */
  void cancel();
}
