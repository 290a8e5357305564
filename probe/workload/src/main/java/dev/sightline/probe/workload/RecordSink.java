package dev.sightline.probe.workload;

import dev.sightline.probe.host.source.AppendingRecordSource;
import io.camunda.zeebe.protocol.record.Record;
import java.util.Map;

/**
 * Where {@link RealTimeDriver} puts records: one growing log per partition. Appending must not wait
 * for the log's consumer.
 */
@FunctionalInterface
public interface RecordSink {

  void append(int partitionId, Record<?> record);

  /** The host's sources, one per partition id (see {@code docs/broker-host.md}). */
  static RecordSink of(Map<Integer, AppendingRecordSource> sources) {
    Map<Integer, AppendingRecordSource> copy = Map.copyOf(sources);
    return (partitionId, record) -> {
      AppendingRecordSource source = copy.get(partitionId);
      if (source == null) {
        throw new IllegalArgumentException("No record source for partition " + partitionId);
      }
      source.append(record);
    };
  }
}
