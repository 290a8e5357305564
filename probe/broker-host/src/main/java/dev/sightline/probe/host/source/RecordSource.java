package dev.sightline.probe.host.source;

import io.camunda.zeebe.protocol.record.Record;

/**
 * One partition's log, as the host reads it: records in strictly increasing position order.
 *
 * <p>Thread-safety: {@link #readerAfter} and the reader's methods are called on the partition's
 * actor thread only; implementations that grow ({@link AppendingRecordSource}) must be safe to
 * append to from other threads and call the listener given to {@link #onAppend} after each append.
 */
public interface RecordSource {

  /**
   * A reader positioned before the first record whose position is greater than {@code position}.
   */
  RecordReader readerAfter(long position);

  /**
   * Registers a listener to call, from any thread, whenever records were appended. Sources that
   * never grow keep the default, which ignores it.
   */
  default Subscription onAppend(Runnable listener) {
    return () -> {};
  }

  /** Undoes an {@link #onAppend} registration. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Reads on from where it stands. */
  @FunctionalInterface
  interface RecordReader {

    /** The next record, or {@code null} when none is available yet. */
    Record<?> next();
  }
}
