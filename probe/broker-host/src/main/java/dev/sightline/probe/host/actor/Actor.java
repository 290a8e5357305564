package dev.sightline.probe.host.actor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;

/**
 * One thread that runs jobs one at a time, like a Zeebe actor: the broker runs each partition's
 * exporters on one actor, so {@code export}, scheduled tasks and position updates never run
 * concurrently.
 *
 * <p>{@link #submit} appends a job to the queue. {@link #run} called on the actor's own thread runs
 * the job right after the current one, before anything queued (Zeebe's {@code ActorControl#run});
 * called elsewhere it behaves like {@code submit}. {@link #schedule} may only be called on the
 * actor's thread, as in Zeebe.
 *
 * <p>A job that throws fails the actor: the failure handler is told, queued jobs are dropped and
 * the thread ends. {@link #terminate} does the same without a failure.
 *
 * <p>Thread-safety: every method except {@link #schedule} may be called from any thread.
 */
public final class Actor {

  private static final Runnable WAKE_UP = () -> {};

  private final String name;
  private final HostScheduler scheduler;
  private final ActorActivity activity;
  private final Consumer<Throwable> failureHandler;
  private final LinkedBlockingDeque<Runnable> queue = new LinkedBlockingDeque<>();
  private final ArrayDeque<Runnable> afterCurrent = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean terminated;

  /**
   * @param threadContextLoader the context class loader of the actor thread outside exporter calls
   *     (the broker's own loader in a real broker)
   * @param failureHandler called on the actor thread with whatever a job threw
   */
  public Actor(
      String name,
      ClassLoader threadContextLoader,
      HostScheduler scheduler,
      Consumer<Throwable> failureHandler) {
    this.name = name;
    this.scheduler = scheduler;
    this.activity = scheduler.activity();
    this.failureHandler = failureHandler;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.setContextClassLoader(threadContextLoader);
  }

  public void start() {
    thread.start();
  }

  public String name() {
    return name;
  }

  public boolean isActorThread() {
    return Thread.currentThread() == thread;
  }

  public boolean isTerminated() {
    return terminated;
  }

  /** Queues {@code job} at the end; ignored once the actor is terminated. */
  public void submit(Runnable job) {
    if (terminated) {
      return;
    }
    activity.jobQueued();
    queue.addLast(job);
    if (terminated && queue.remove(job)) {
      activity.jobsDone(1);
    }
  }

  /**
   * Runs {@code job} right after the current job when called on the actor, otherwise like submit.
   */
  public void run(Runnable job) {
    if (isActorThread()) {
      activity.jobQueued();
      afterCurrent.addLast(job);
    } else {
      submit(job);
    }
  }

  /**
   * Submits {@code job} after {@code delay} on the host's clock.
   *
   * @throws UnsupportedOperationException when not called on the actor's thread, like Zeebe's actor
   */
  public Timer schedule(Duration delay, Runnable job) {
    if (!isActorThread()) {
      throw new UnsupportedOperationException(
          "Incorrect usage of actor "
              + name
              + ": schedule must only be called from within the actor itself");
    }
    return scheduler.schedule(delay, this, job);
  }

  /**
   * Stops after the current job; queued jobs are dropped. Does not wait: see {@link
   * #awaitTermination}.
   */
  public void terminate() {
    terminated = true;
    List<Runnable> dropped = new ArrayList<>();
    queue.drainTo(dropped);
    dropped.removeIf(job -> job == WAKE_UP);
    activity.jobsDone(dropped.size());
    queue.offerFirst(WAKE_UP);
  }

  /**
   * Waits for the thread to end; returns false on timeout. Must not be called on the actor itself.
   */
  public boolean awaitTermination(Duration timeout) {
    try {
      thread.join(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  private void loop() {
    while (!terminated) {
      Runnable job;
      try {
        job = queue.takeFirst();
      } catch (InterruptedException e) {
        terminated = true;
        break;
      }
      if (job == WAKE_UP) {
        continue;
      }
      runJob(job);
      while (!afterCurrent.isEmpty()) {
        runJob(afterCurrent.pollFirst());
      }
    }
    activity.jobsDone(afterCurrent.size());
    afterCurrent.clear();
  }

  private void runJob(Runnable job) {
    try {
      if (!terminated) {
        job.run();
      }
    } catch (Throwable failure) {
      terminate();
      failureHandler.accept(failure);
    } finally {
      activity.jobsDone(1);
    }
  }
}
