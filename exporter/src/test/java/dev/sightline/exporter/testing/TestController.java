package dev.sightline.exporter.testing;

import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A broker controller on virtual time: scheduled tasks run only inside {@link #runDueTasks} /
 * {@link #advance}, on the calling (test) thread, like the broker's single actor. Acknowledgements
 * are recorded with the broker's semantics: the position only moves forward, metadata is stored
 * only when it does.
 *
 * <p>Not the broker-like host's controller: that one runs tasks on actor threads, this one on the
 * test's thread, so a unit test needs neither threads nor waits.
 */
public final class TestController implements Controller {

  private static final int MAX_RUNS_PER_INSTANT = 10_000;

  private final VirtualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private final List<Long> acknowledgements = new ArrayList<>();
  private long lastPosition = -1;
  private byte[] metadata;
  private long sequence;

  public TestController(VirtualClock clock) {
    this.clock = clock;
  }

  public TestController(VirtualClock clock, long lastPosition, byte[] metadata) {
    this(clock);
    this.lastPosition = lastPosition;
    this.metadata = metadata;
  }

  @Override
  public void updateLastExportedRecordPosition(long position) {
    acknowledgements.add(position);
    lastPosition = Math.max(lastPosition, position);
  }

  @Override
  public void updateLastExportedRecordPosition(long position, byte[] metadata) {
    acknowledgements.add(position);
    if (position > lastPosition) {
      lastPosition = position;
      this.metadata = metadata.clone();
    }
  }

  @Override
  public long getLastExportedRecordPosition() {
    return lastPosition;
  }

  @Override
  public ScheduledTask scheduleCancellableTask(Duration delay, Runnable task) {
    var scheduled = new Task(clock.millis() + delay.toMillis(), sequence++, task);
    tasks.add(scheduled);
    return () -> scheduled.cancelled = true;
  }

  @Override
  public Optional<byte[]> readMetadata() {
    return Optional.ofNullable(metadata).map(byte[]::clone);
  }

  /** Moves time forward in small steps, running tasks as they come due. */
  public void advance(Duration duration) {
    var end = clock.millis() + duration.toMillis();
    while (true) {
      var next = nextDue();
      if (next.isEmpty() || next.get().dueAtMillis > end) {
        break;
      }
      var wait = next.get().dueAtMillis - clock.millis();
      if (wait > 0) {
        clock.advance(Duration.ofMillis(wait));
      }
      runDueTasks();
    }
    clock.advance(Duration.ofMillis(end - clock.millis()));
    runDueTasks();
  }

  /** Runs every task due now (and tasks they schedule that are due now too). */
  public void runDueTasks() {
    Optional<Task> next;
    var runs = 0;
    while ((next = nextDue()).isPresent() && next.get().dueAtMillis <= clock.millis()) {
      if (++runs > MAX_RUNS_PER_INSTANT) {
        throw new IllegalStateException(
            "tasks keep rescheduling themselves at the same instant: a busy loop");
      }
      var task = next.get();
      tasks.remove(task);
      task.runnable.run();
    }
  }

  public List<Long> acknowledgements() {
    return List.copyOf(acknowledgements);
  }

  public int pendingTasks() {
    return (int) tasks.stream().filter(task -> !task.cancelled).count();
  }

  private Optional<Task> nextDue() {
    tasks.removeIf(task -> task.cancelled);
    return tasks.stream()
        .min(
            Comparator.comparingLong((Task task) -> task.dueAtMillis)
                .thenComparingLong(task -> task.order));
  }

  private static final class Task {
    final long dueAtMillis;
    final long order;
    final Runnable runnable;
    boolean cancelled;

    Task(long dueAtMillis, long order, Runnable runnable) {
      this.dueAtMillis = dueAtMillis;
      this.order = order;
      this.runnable = runnable;
    }
  }
}
