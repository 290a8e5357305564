package dev.sightline.exporter.testing;

import dev.sightline.exporter.filter.ReadModelRecordFilter;
import io.camunda.zeebe.protocol.record.Record;
import java.util.List;

/** What a broker hands the exporter: the records its filter accepts, as the broker asks it. */
public final class BrokerFilter {

  private static final ReadModelRecordFilter FILTER = new ReadModelRecordFilter();

  private BrokerFilter() {}

  /** Whether the broker hands {@code record} over (type, value type, intent). */
  public static boolean accepts(Record<?> record) {
    return FILTER.acceptType(record.getRecordType())
        && FILTER.acceptValue(record.getValueType())
        && FILTER.acceptIntent(record.getIntent());
  }

  /** The position of the last record the broker hands over: what the exporter acknowledges last. */
  public static long lastAccepted(List<Record<?>> records) {
    return records.stream()
        .filter(BrokerFilter::accepts)
        .mapToLong(Record::getPosition)
        .max()
        .orElseThrow();
  }
}
