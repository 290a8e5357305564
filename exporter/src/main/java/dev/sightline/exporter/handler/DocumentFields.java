package dev.sightline.exporter.handler;

import dev.sightline.exporter.schema.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the partial document one record writes. The {@code …IfPresent} methods leave a field out
 * when the record has no value for it (Zeebe writes {@code ""} and {@code -1} for "none"): absent,
 * not null, as docs/schema.md promises.
 */
final class DocumentFields {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  DocumentFields put(Field field, Object value) {
    fields.put(field.name(), value);
    return this;
  }

  DocumentFields putIfPresent(Field field, String text) {
    if (text != null && !text.isEmpty()) {
      fields.put(field.name(), text);
    }
    return this;
  }

  /** Keys and other values where {@code -1} (or 0) means none. */
  DocumentFields putIfPositive(Field field, long value) {
    if (value > 0) {
      fields.put(field.name(), value);
    }
    return this;
  }

  /** An epoch-millis instant as an ISO date, if set. */
  DocumentFields putDateIfSet(Field field, long epochMillis) {
    if (epochMillis > 0) {
      fields.put(field.name(), Dates.iso(epochMillis));
    }
    return this;
  }

  Map<String, Object> build() {
    return fields;
  }
}
