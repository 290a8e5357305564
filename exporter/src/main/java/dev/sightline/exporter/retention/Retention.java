package dev.sightline.exporter.retention;

import dev.sightline.exporter.config.Durations;
import dev.sightline.exporter.config.RetentionConfig;
import dev.sightline.exporter.store.RetentionStore;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Removes the finished call hierarchies of one partition after {@code retention.period}
 * (docs/operations.md, "Retention"): every {@code retention.interval} a task on the exporter thread
 * starts a {@link RetentionRun} unless the previous one is still running.
 *
 * <ul>
 *   <li><b>Never blocks the exporter thread</b>: a run's requests are asynchronous, and each step
 *       is sent from the thread that completed the one before (the client's I/O threads). The task
 *       only samples the acknowledged position, starts a run and reschedules itself; nothing of a
 *       run touches the broker's controller, the batch or the flusher.
 *   <li><b>Never fails exporting</b>: a run's failure is logged (once while runs keep failing) and
 *       counted, and the next run starts over; export, flush and acknowledgement never wait for a
 *       run or depend on its outcome.
 *   <li><b>Never races the write path</b>: a run takes only hierarchies whose records are all at or
 *       below the settled position ({@link SettledPosition}): the write path has nothing of them
 *       pending, and no replay after a crash can export them again.
 * </ul>
 *
 * <p>Not thread-safe (exporter thread), except what a run reports on completion (meters, log).
 */
public final class Retention implements AutoCloseable {

  /** Runs a task on the exporter's thread after a delay (the broker's controller). */
  @FunctionalInterface
  public interface Scheduler {
    ScheduledTask schedule(Duration delay, Runnable task);
  }

  private final RetentionConfig config;
  private final RetentionStore store;
  private final int partitionId;
  private final LongSupplier nowMillis;
  private final LongSupplier acknowledgedPosition;
  private final Scheduler scheduler;
  private final RetentionMeters meters;
  private final Logger log;

  private SettledPosition settled;
  private ScheduledTask task;
  private CompletableFuture<?> running = CompletableFuture.completedFuture(null);
  private volatile boolean failing;
  private volatile boolean stuck;
  private volatile boolean closed;

  /**
   * @param nowMillis the broker's clock: what {@code retention.period} is counted on
   * @param acknowledgedPosition the position the exporter acknowledged last (the controller's)
   */
  public Retention(
      RetentionConfig config,
      RetentionStore store,
      int partitionId,
      LongSupplier nowMillis,
      LongSupplier acknowledgedPosition,
      Scheduler scheduler,
      MeterRegistry registry,
      Logger log) {
    this.config = config;
    this.store = store;
    this.partitionId = partitionId;
    this.nowMillis = nowMillis;
    this.acknowledgedPosition = acknowledgedPosition;
    this.scheduler = scheduler;
    this.meters = new RetentionMeters(registry, partitionId);
    this.log = log;
  }

  /** The first run one interval from now; the position acknowledged now counts as settled. */
  public void start() {
    settled =
        new SettledPosition(acknowledgedPosition.getAsLong(), config.replayWindow().toMillis());
    task = scheduler.schedule(config.interval(), this::tick);
  }

  private void tick() {
    try {
      var now = nowMillis.getAsLong();
      var settledPosition = settled.sample(now, acknowledgedPosition.getAsLong());
      if (!running.isDone()) {
        meters.skipped();
        return;
      }
      running = run(now, settledPosition);
    } catch (RuntimeException e) { // a store that throws instead of failing its future
      failed(e);
    } finally {
      if (!closed) {
        task = scheduler.schedule(config.interval(), this::tick);
      }
    }
  }

  private CompletableFuture<?> run(long now, long settledPosition) {
    var startNanos = System.nanoTime();
    return new RetentionRun(
            store,
            partitionId,
            now - config.period().toMillis(),
            settledPosition,
            config.batchSize(),
            config.maxDocumentsPerRun())
        .start()
        .whenComplete(
            (outcome, error) -> {
              if (error != null) {
                failed(error instanceof CompletionException e ? e.getCause() : error);
              } else {
                done(outcome, System.nanoTime() - startNanos);
              }
            });
  }

  private void done(RetentionRun.Outcome outcome, long durationNanos) {
    meters.done(outcome, durationNanos);
    if (failing) {
      failing = false;
      log.info("Retention runs on partition {} succeed again", partitionId);
    }
    var noProgress = outcome.rootsFound() > 0 && outcome.documentsDeleted() == 0;
    if (noProgress && !stuck) {
      log.warn(
          "Retention on partition {} found {} finished root instance(s) but could delete nothing"
              + " of them; retried every {} (a hierarchy wider than retention.maxDocumentsPerRun"
              + " allows at every level, or documents refused: see the earlier warnings)",
          partitionId,
          outcome.rootsFound(),
          Durations.format(config.interval()));
    }
    stuck = noProgress;
    log.debug(
        "Retention run on partition {}: {} finished root instance(s) found, {} removed whole,"
            + " {} called instance(s) and {} other document(s) deleted in {} ms",
        partitionId,
        outcome.rootsFound(),
        outcome.rootsDeleted(),
        outcome.calledInstancesDeleted(),
        outcome.otherDocumentsDeleted(),
        durationNanos / 1_000_000);
  }

  private void failed(Throwable error) {
    if (closed) {
      return; // the client was closed under the run: nothing went wrong
    }
    meters.failed();
    if (!failing) {
      failing = true;
      log.warn(
          "Retention run on partition {} failed; the next run, in {}, starts over (exporting is"
              + " not affected): {}",
          partitionId,
          Durations.format(config.interval()),
          error.getMessage());
    } else {
      log.debug("Retention on partition {} still failing: {}", partitionId, error.getMessage());
    }
  }

  /** No more runs; a run in flight ends with the store's client. */
  @Override
  public void close() {
    closed = true;
    if (task != null) {
      task.cancel();
    }
  }
}
