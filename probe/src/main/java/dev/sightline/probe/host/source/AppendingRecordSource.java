package dev.sightline.probe.host.source;

import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log that grows while the host runs, for feeding records over time (an open-loop generator appends
 * here). Keeps every record, so a restarted partition can replay from any position.
 *
 * <p>Thread-safety: {@link #append} may be called from any thread; listeners run on the appending thread.
 */
public final class AppendingRecordSource implements RecordSource {

  private final List<Record<?>> records = new ArrayList<>();
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** @throws IllegalArgumentException if the position does not follow the last appended one */
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

  public int size() {
    synchronized (records) {
      return records.size();
    }
  }

  @Override
  public RecordReader readerAfter(long position) {
    int[] next = {indexAfter(position)};
    return () -> {
      synchronized (records) {
        return next[0] < records.size() ? records.get(next[0]++) : null;
      }
    };
  }

  @Override
  public Subscription onAppend(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private int indexAfter(long position) {
    synchronized (records) {
      int index = 0;
      while (index < records.size() && records.get(index).getPosition() <= position) {
        index++;
      }
      return index;
    }
  }
}
