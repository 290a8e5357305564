package dev.sightline.probe.twohop.recordindex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The record-index exporter's state in the broker: the last sequence counter per value type, so a
 * restart continues the sequences the importers read by (versioned JSON, unknown fields ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RecordIndexMetadata(int version, Map<ValueType, Long> sequences) {

  static final int CURRENT_VERSION = 1;

  RecordIndexMetadata {
    sequences = sequences == null ? Map.of() : Map.copyOf(sequences);
  }

  static RecordIndexMetadata of(Map<ValueType, Long> counters) {
    return new RecordIndexMetadata(CURRENT_VERSION, new EnumMap<>(counters));
  }

  byte[] toJson(ObjectMapper json) {
    try {
      return json.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RecordIndexMetadata fromJson(byte[] bytes, ObjectMapper json) {
    try {
      return json.readValue(bytes, RecordIndexMetadata.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("record-index exporter metadata is not its JSON", e);
    }
  }
}
