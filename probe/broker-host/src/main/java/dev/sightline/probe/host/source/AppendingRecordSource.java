package dev.sightline.probe.host.source;

import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log that grows while the host runs, for feeding records over time (an open-loop generator
 * appends here). Keeps every record, so a restarted partition can replay from any position — until
 * {@link #trimUpTo} drops what every exporter has acknowledged, as a broker compacts its log.
 *
 * <p>Thread-safety: {@link #append} may be called from any thread; listeners run on the appending
 * thread.
 */
public final class AppendingRecordSource implements RecordSource {

  private final List<Record<?>> records = new ArrayList<>();

  /**
   * How many records {@link #trimUpTo} has dropped from the front: readers keep absolute indices.
   */
  private long trimmed;

  /** The position of the last record {@link #trimUpTo} dropped, or -1. */
  private long lastTrimmedPosition = -1;

  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  /**
   * @throws IllegalArgumentException if the position does not follow the last appended one
   */
  public void append(Record<?> record) {
    synchronized (records) {
      if (!records.isEmpty()) {
        long last = records.getLast().getPosition();
        if (record.getPosition() <= last) {
          throw new IllegalArgumentException(
              "Record position %d does not follow %d".formatted(record.getPosition(), last));
        }
      }
      records.add(record);
    }
    listeners.forEach(Runnable::run);
  }

  public void appendAll(List<? extends Record<?>> batch) {
    batch.forEach(this::append);
  }

  /** The position of the last record appended, or -1 before the first. */
  public long lastPosition() {
    synchronized (records) {
      return records.isEmpty() ? lastTrimmedPosition : records.getLast().getPosition();
    }
  }

  /** Records held now (appended minus trimmed). */
  public int size() {
    synchronized (records) {
      return records.size();
    }
  }

  /**
   * Drops the records up to and including {@code position}, like log compaction below the lowest
   * exported position: a long open-loop run then holds only what is not yet acknowledged. Readers
   * must already be past it (a restart replays from the acknowledged position, which is past it by
   * definition).
   */
  public void trimUpTo(long position) {
    synchronized (records) {
      var count = 0;
      while (count < records.size() && records.get(count).getPosition() <= position) {
        count++;
      }
      if (count > 0) {
        lastTrimmedPosition = records.get(count - 1).getPosition();
      }
      records.subList(0, count).clear();
      trimmed += count;
    }
  }

  @Override
  public RecordReader readerAfter(long position) {
    long[] next = {indexAfter(position)};
    return () -> {
      synchronized (records) {
        var index = (int) Math.max(0, next[0] - trimmed);
        if (index >= records.size()) {
          return null;
        }
        next[0] = trimmed + index + 1;
        return records.get(index);
      }
    };
  }

  @Override
  public Subscription onAppend(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private long indexAfter(long position) {
    synchronized (records) {
      int index = 0;
      while (index < records.size() && records.get(index).getPosition() <= position) {
        index++;
      }
      return trimmed + index;
    }
  }
}
