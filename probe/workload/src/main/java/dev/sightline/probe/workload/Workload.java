package dev.sightline.probe.workload;

import dev.sightline.probe.workload.engine.Deployment;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Instant;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link WorkloadSpec} started at an instant, in virtual time: for each partition, the records a
 * Zeebe 8.8 engine would write, in log order, each stamped with its intended time. A pure function
 * of the spec and the start: every call to {@link #records(int)} generates the same records again,
 * lazily, holding only what is in flight. {@link RealTimeDriver} plays them against the wall clock.
 *
 * <p>Thread-safe: immutable; each iterator is confined to the thread using it. Partitions are
 * independent and may be generated in parallel.
 */
public final class Workload {

  private final WorkloadSpec spec;
  private final Instant start;
  private final TimeBase time;
  private final Deployment deployment;

  private Workload(WorkloadSpec spec, Instant start) {
    this.spec = spec;
    this.start = start;
    this.time = TimeBase.of(start);
    this.deployment = Deployment.plan(spec.shape());
  }

  public static Workload of(WorkloadSpec spec, Instant start) {
    return new Workload(spec, start);
  }

  public WorkloadSpec spec() {
    return spec;
  }

  public Instant start() {
    return start;
  }

  /** Instances started from here on are measured; earlier ones are the warm-up. */
  public Instant measuredFrom() {
    return start.plus(spec.warmUp());
  }

  public Deployment deployment() {
    return deployment;
  }

  /** When root instance {@code i} (0-based, over all partitions) is meant to start. */
  public Instant intendedStart(long instance) {
    return start.plusNanos(spec.startOffsetNanos(instance));
  }

  /** One partition's records in position order (positions 1, 2, …), generated as they are read. */
  public Iterator<Record<?>> records(int partitionId) {
    if (partitionId < 1 || partitionId > spec.partitions()) {
      throw new IllegalArgumentException(
          "Partition %d is not one of 1..%d".formatted(partitionId, spec.partitions()));
    }
    return new PartitionWorkload(spec, deployment, time, partitionId);
  }

  /** {@link #records(int)} as a sequential stream. */
  public Stream<Record<?>> stream(int partitionId) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            records(partitionId),
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }
}
