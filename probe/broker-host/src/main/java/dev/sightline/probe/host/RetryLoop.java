package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.Actor;
import dev.sightline.probe.host.actor.Timer;
import java.util.function.BooleanSupplier;

/**
 * Runs an attempt on the actor until it succeeds, waiting {@link BrokerRetry#delayAfter} between
 * attempts, like the broker's {@code BackOffRetryStrategy}. Other actor jobs (scheduled tasks,
 * position updates) run while it waits.
 *
 * <p>Thread-safety: confined to the actor thread.
 */
final class RetryLoop {

  private final Actor actor;
  private final BrokerRetry backoff;
  private final BooleanSupplier attempt;
  private final Runnable onSuccess;
  private int failures;
  private Timer pending;

  /**
   * @param attempt returns true when done, false to be retried
   */
  RetryLoop(Actor actor, BrokerRetry backoff, BooleanSupplier attempt, Runnable onSuccess) {
    this.actor = actor;
    this.backoff = backoff;
    this.attempt = attempt;
    this.onSuccess = onSuccess;
  }

  /** Runs the first attempt now. */
  void start() {
    tryOnce();
  }

  void cancel() {
    if (pending != null) {
      pending.cancel();
    }
  }

  private void tryOnce() {
    pending = null;
    if (actor.isTerminated()) {
      return;
    }
    if (attempt.getAsBoolean()) {
      onSuccess.run();
    } else if (!actor.isTerminated()) {
      failures++;
      pending = actor.schedule(backoff.delayAfter(failures), this::tryOnce);
    }
  }
}
