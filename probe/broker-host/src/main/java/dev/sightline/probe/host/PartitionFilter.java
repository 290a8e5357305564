package dev.sightline.probe.host;

import dev.sightline.probe.host.loading.ExporterCall;
import io.camunda.zeebe.exporter.api.context.Context.RecordFilter;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The partition-wide filter, computed once after configure like the broker's event filter: a record
 * type, value type or intent is accepted if any exporter's filter accepts it. A record it rejects
 * is skipped without being read by any exporter; each exporter also applies its own filter when
 * handed a record.
 *
 * @param recordTypes accepted record types
 * @param valueTypes accepted value types
 * @param intents accepted intents
 */
record PartitionFilter(
    Set<RecordType> recordTypes, Set<ValueType> valueTypes, Set<Intent> intents) {

  static PartitionFilter union(List<HostedExporter> exporters) {
    Set<RecordType> recordTypes = EnumSet.noneOf(RecordType.class);
    Set<ValueType> valueTypes = EnumSet.noneOf(ValueType.class);
    Set<Intent> intents = new HashSet<>();
    for (HostedExporter exporter : exporters) {
      RecordFilter filter = exporter.filter();
      exporter
          .calls()
          .runUnchecked(
              ExporterCall.FILTER,
              () -> {
                collect(RecordType.values(), filter::acceptType, recordTypes);
                collect(ValueType.values(), filter::acceptValue, valueTypes);
                Intent.INTENT_CLASSES.forEach(
                    type -> collect(type.getEnumConstants(), filter::acceptIntent, intents));
              });
    }
    return new PartitionFilter(recordTypes, valueTypes, intents);
  }

  boolean accepts(Record<?> record) {
    return recordTypes.contains(record.getRecordType())
        && valueTypes.contains(record.getValueType())
        && intents.contains(record.getIntent());
  }

  private static <T> void collect(
      T[] candidates, Predicate<? super T> accepted, Set<? super T> into) {
    Arrays.stream(candidates).filter(accepted).forEach(into::add);
  }
}
