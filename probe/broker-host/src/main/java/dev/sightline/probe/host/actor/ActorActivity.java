package dev.sightline.probe.host.actor;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the jobs queued or running on a group of actors, so that a caller can wait until all of
 * them are quiet. Timers that have not fired yet do not count: with virtual time, "quiet" means
 * nothing can happen until time moves.
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
public final class ActorActivity {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  private long pendingJobs;

  void jobQueued() {
    lock.lock();
    try {
      pendingJobs++;
    } finally {
      lock.unlock();
    }
  }

  void jobsDone(int count) {
    lock.lock();
    try {
      pendingJobs -= count;
      if (pendingJobs == 0) {
        quiet.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Jobs queued or running right now. */
  public long pendingJobs() {
    lock.lock();
    try {
      return pendingJobs;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until no job is queued or running on any actor.
   *
   * @throws IllegalStateException if that does not happen within {@code timeout} (a job that never
   *     ends)
   */
  public void awaitQuiet(Duration timeout) {
    long remainingNanos = timeout.toNanos();
    lock.lock();
    try {
      while (pendingJobs > 0) {
        if (remainingNanos <= 0) {
          throw new IllegalStateException(
              "Actors still busy after " + timeout + " (" + pendingJobs + " jobs pending)");
        }
        remainingNanos = quiet.awaitNanos(remainingNanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while waiting for the actors to become quiet", e);
    } finally {
      lock.unlock();
    }
  }
}
