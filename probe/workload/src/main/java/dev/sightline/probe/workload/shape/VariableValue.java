package dev.sightline.probe.workload.shape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * A variable value in both forms the engine writes it: JSON text (a VARIABLE record's {@code
 * value}) and the decoded document (an entry of a {@code variables} map: job, creation and
 * process-event records).
 *
 * <p>Immutable; the document must not be mutated after construction.
 */
public record VariableValue(String json, Object document) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public VariableValue {
    Objects.requireNonNull(json, "json");
  }

  /** The value of a decoded JSON document (String, Number, Boolean, List, Map or null). */
  public static VariableValue of(Object document) {
    try {
      return new VariableValue(JSON.writeValueAsString(document), document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON document: " + document, e);
    }
  }

  /** A string of plain characters that need no JSON escaping (cheaper than {@link #of}). */
  public static VariableValue plainString(String text) {
    return new VariableValue('"' + text + '"', text);
  }
}
