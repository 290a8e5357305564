package dev.sightline.probe.workload;

import dev.sightline.probe.host.source.AppendingRecordSource;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Plays a {@link Workload} in real time: each partition's records are appended to the sink once the
 * clock reaches their intended time (their {@code timestamp}), all partitions merged by that time.
 * It is open loop: it never waits for whoever consumes the logs, and records are never delayed by
 * the consumer nor dropped — if the consumer falls behind, records pile up in the logs; if the
 * driver itself falls behind (generation too slow), overdue records are appended at once and the
 * lateness is reported, never hidden: timestamps stay the intended times.
 *
 * <p>Thread-safety: {@link #run()} runs on one thread (the caller's); {@link #progress()} and
 * {@link #stop()} may be called from any thread.
 */
public final class RealTimeDriver implements Runnable {

  private record Head(int partitionId, Record<?> record, Iterator<Record<?>> rest) {}

  private final Workload workload;
  private final RecordSink sink;
  private final InstantSource clock;
  private final Pacer pacer;
  private volatile boolean stopped;
  private volatile boolean finished;
  // written by the driver thread only, read by any
  private volatile long appended;
  private volatile long nextDueMillis = Long.MAX_VALUE;
  private volatile long maxBehindMillis;

  public RealTimeDriver(Workload workload, RecordSink sink, InstantSource clock, Pacer pacer) {
    this.workload = workload;
    this.sink = sink;
    this.clock = clock;
    this.pacer = pacer;
  }

  /**
   * Appends to the host's sources (one per partition id) on the wall clock, sleeping between
   * records.
   */
  public static RealTimeDriver appendingTo(
      Workload workload, Map<Integer, AppendingRecordSource> sources) {
    InstantSource clock = InstantSource.system();
    return new RealTimeDriver(workload, RecordSink.of(sources), clock, Pacer.sleeping(clock));
  }

  /**
   * Appends every record at its time; returns when all are appended, or early after {@link
   * #stop()}.
   */
  @Override
  public void run() {
    var heads =
        new PriorityQueue<Head>(
            Comparator.<Head>comparingLong(h -> h.record().getTimestamp())
                .thenComparingInt(Head::partitionId));
    for (int partitionId = 1; partitionId <= workload.spec().partitions(); partitionId++) {
      offer(heads, partitionId, workload.records(partitionId));
    }
    try {
      while (!stopped && !heads.isEmpty()) {
        Head head = heads.peek();
        long dueMillis = head.record().getTimestamp();
        nextDueMillis = dueMillis;
        long nowMillis = clock.millis();
        if (nowMillis < dueMillis) {
          pacer.awaitUntil(Instant.ofEpochMilli(dueMillis));
          continue;
        }
        heads.poll();
        sink.append(head.partitionId(), head.record());
        appended++;
        maxBehindMillis = Math.max(maxBehindMillis, nowMillis - dueMillis);
        offer(heads, head.partitionId(), head.rest());
      }
      finished = heads.isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      nextDueMillis = Long.MAX_VALUE;
    }
  }

  /** Makes {@link #run()} return after the record it is appending. */
  public void stop() {
    stopped = true;
  }

  public DriverProgress progress() {
    long due = nextDueMillis;
    long behind = due == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - due);
    return new DriverProgress(
        appended, Duration.ofMillis(behind), Duration.ofMillis(maxBehindMillis), finished);
  }

  private static void offer(
      PriorityQueue<Head> heads, int partitionId, Iterator<Record<?>> records) {
    if (records.hasNext()) {
      heads.add(new Head(partitionId, records.next(), records));
    }
  }
}
