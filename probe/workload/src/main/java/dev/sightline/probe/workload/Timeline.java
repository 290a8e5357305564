package dev.sightline.probe.workload;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Commands that will arrive at one partition, by intended time (nanoseconds after the workload's
 * start), those due at the same time in the order they were scheduled.
 *
 * <p>Not thread-safe: owned by one partition's generator.
 */
final class Timeline {

  record Entry(long dueNanos, long sequence, Runnable command) {}

  private final PriorityQueue<Entry> entries =
      new PriorityQueue<>(
          Comparator.comparingLong(Entry::dueNanos).thenComparingLong(Entry::sequence));
  private long sequence;

  void at(long dueNanos, Runnable command) {
    entries.add(new Entry(dueNanos, sequence++, command));
  }

  /** The next entry, or {@code null}. */
  Entry peek() {
    return entries.peek();
  }

  Entry poll() {
    return entries.poll();
  }
}
