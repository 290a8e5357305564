package dev.sightline.exporter.handler;

import dev.sightline.exporter.meters.ExporterMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts records no handler needed, by reason: {@code sightline.exporter.records.skipped{reason}}.
 * Such a record is acknowledged like any other, never thrown back at the broker: an unknown value
 * type or intent (a newer broker) cannot become known by retrying.
 */
public final class SkippedRecords {

  /** Why a record was skipped. */
  public enum Reason {
    /** A command or a rejection: the read model is built from events only. */
    RECORD_TYPE,
    /** No handler reads this value type. */
    VALUE_TYPE,
    /** A handler reads the value type, but this intent (or element type) changes no document. */
    INTENT
  }

  private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

  public SkippedRecords(MeterRegistry registry, int partitionId) {
    for (var reason : Reason.values()) {
      counters.put(
          reason,
          Counter.builder(ExporterMeter.RECORDS_SKIPPED.id())
              .description(ExporterMeter.RECORDS_SKIPPED.description())
              .tag("reason", reason.name().toLowerCase(Locale.ROOT))
              .tag("partition", Integer.toString(partitionId))
              .register(registry));
    }
  }

  void skipped(Reason reason) {
    counters.get(reason).increment();
  }
}
