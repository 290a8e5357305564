package dev.sightline.exporter.importers;

import dev.sightline.exporter.meters.ExporterMeter;
import dev.sightline.exporter.util.HeapEstimate;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableUserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The records that arrive while the exporter may not write yet, held in log order and not yet
 * handled: while it waits for the two-hop importers, or moves its partition's documents forward to
 * new index versions (a schema upgrade). The handlers read process definitions, parents' tree paths
 * and incident flags from the read model that is still being filled or moved, so they must not see
 * a record before that is done. Bounded like the batch (records and estimated bytes); when full, a
 * record is refused with a retryable exception, so nothing is lost and memory stays bounded.
 *
 * <p>Each record is a deep copy: the broker's record wraps a buffer it reuses for the next one.
 * Nothing held is acknowledged; on close the held records are dropped and the broker exports them
 * again from the last acknowledged position.
 *
 * <p>Not thread-safe: owned by the exporter's thread (the gauges read atomics).
 */
public final class HeldRecords {

  /** A record's fixed part (position, key, timestamps, enums, references) and its queue slot. */
  static final long RECORD_OVERHEAD_BYTES = 256;

  private record Held(Record<?> record, long estimatedBytes) {}

  private final Deque<Held> records = new ArrayDeque<>();
  private final int maxRecords;
  private final long maxBytes;
  private final Supplier<String> waitingFor;
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  /**
   * @param maxRecords how many records may be held ({@code bulk.size})
   * @param maxBytes how many estimated bytes they may take ({@code bulk.memoryLimit})
   */
  public HeldRecords(int maxRecords, long maxBytes, MeterRegistry registry, int partitionId) {
    this(
        maxRecords,
        maxBytes,
        registry,
        partitionId,
        () ->
            "waiting for the two-hop importers to finish partition "
                + partitionId
                + " (metric sightline.exporter.importers.waiting)");
  }

  /**
   * @param waitingFor what the exporter waits for, for the refusal's message
   */
  public HeldRecords(
      int maxRecords,
      long maxBytes,
      MeterRegistry registry,
      int partitionId,
      Supplier<String> waitingFor) {
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
    this.waitingFor = waitingFor;
    var partition = Integer.toString(partitionId);
    Gauge.builder(ExporterMeter.IMPORTERS_HELD.id(), count, AtomicInteger::get)
        .description(ExporterMeter.IMPORTERS_HELD.description())
        .tag("partition", partition)
        .register(registry);
    Gauge.builder(ExporterMeter.IMPORTERS_HELD_BYTES.id(), bytes, AtomicLong::get)
        .description(ExporterMeter.IMPORTERS_HELD_BYTES.description())
        .tag("partition", partition)
        .register(registry);
  }

  /**
   * Holds a copy of the record, behind those held before.
   *
   * @throws ExporterException when full: the broker retries the record later
   */
  public void hold(Record<?> record) {
    if (records.size() >= maxRecords || bytes.get() >= maxBytes) {
      throw new ExporterException(
          "Holding "
              + records.size()
              + " records (~"
              + bytes.get()
              + " bytes; at most "
              + maxRecords
              + " records or "
              + maxBytes
              + " bytes, bulk.size and bulk.memoryLimit) while "
              + waitingFor.get()
              + "; the record will be retried.");
    }
    var copy = copyOf(record);
    var estimated = RECORD_OVERHEAD_BYTES + HeapEstimate.ofString(String.valueOf(copy.getValue()));
    records.addLast(new Held(copy, estimated));
    count.set(records.size());
    bytes.addAndGet(estimated);
  }

  public boolean isEmpty() {
    return records.isEmpty();
  }

  /** The oldest record held; it stays held until {@link #removeFirst()}. */
  public Record<?> first() {
    return records.getFirst().record();
  }

  /** Lets go of the oldest record once it went through the handlers. */
  public void removeFirst() {
    var held = records.removeFirst();
    count.set(records.size());
    bytes.addAndGet(-held.estimatedBytes());
  }

  public int count() {
    return records.size();
  }

  public long estimatedBytes() {
    return bytes.get();
  }

  /** Drops everything held (closing): none of it was acknowledged, the broker exports it again. */
  public void clear() {
    records.clear();
    count.set(0);
    bytes.set(0);
  }

  /**
   * A copy that outlives the call: immutable records are kept as they are; the broker's record
   * copies itself deeply ({@link Record#copyOf()}); any other gets an immutable copy whose value is
   * copied too for the value types the handlers read (no handler reads the value of another type).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Record<?> copyOf(Record<?> record) {
    if (record instanceof ImmutableRecord<?>) {
      return record;
    }
    try {
      return record.copyOf();
    } catch (UnsupportedOperationException e) {
      return ImmutableRecord.builder()
          .from((Record) record)
          .withValue(copyOfValue(record.getValue()))
          .build();
    }
  }

  private static RecordValue copyOfValue(RecordValue value) {
    return switch (value) {
      case ProcessInstanceRecordValue v -> ImmutableProcessInstanceRecordValue.copyOf(v);
      case Process v -> ImmutableProcess.copyOf(v);
      case VariableRecordValue v -> ImmutableVariableRecordValue.copyOf(v);
      case IncidentRecordValue v -> ImmutableIncidentRecordValue.copyOf(v);
      case JobRecordValue v -> ImmutableJobRecordValue.copyOf(v);
      case UserTaskRecordValue v -> ImmutableUserTaskRecordValue.copyOf(v);
      case null, default -> value;
    };
  }
}
