package dev.sightline.probe.host.source;

import io.camunda.zeebe.protocol.record.Record;
import java.util.List;

/**
 * A fixed list of records, checked to be in strictly increasing position order.
 *
 * <p>Thread-safety: immutable; readers are confined to one thread.
 */
public final class ListRecordSource implements RecordSource {

  private final List<Record<?>> records;

  private ListRecordSource(List<Record<?>> records) {
    this.records = records;
  }

  /**
   * @throws IllegalArgumentException if positions are not strictly increasing
   */
  public static ListRecordSource of(List<? extends Record<?>> records) {
    List<Record<?>> copy = List.copyOf(records);
    for (int i = 1; i < copy.size(); i++) {
      long previous = copy.get(i - 1).getPosition();
      long current = copy.get(i).getPosition();
      if (current <= previous) {
        throw new IllegalArgumentException(
            "Record positions must increase: record %d has position %d after %d"
                .formatted(i, current, previous));
      }
    }
    return new ListRecordSource(copy);
  }

  public static ListRecordSource of(Record<?>... records) {
    return of(List.of(records));
  }

  public List<Record<?>> records() {
    return records;
  }

  @Override
  public RecordReader readerAfter(long position) {
    int start = 0;
    while (start < records.size() && records.get(start).getPosition() <= position) {
      start++;
    }
    int[] next = {start};
    return () -> next[0] < records.size() ? records.get(next[0]++) : null;
  }
}
