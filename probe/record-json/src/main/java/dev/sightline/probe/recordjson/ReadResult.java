package dev.sightline.probe.recordjson;

import io.camunda.zeebe.protocol.record.Record;
import java.util.List;
import java.util.Objects;

/**
 * What became of one recorded record: mapped to an {@code ImmutableRecord}, or skipped with a
 * reason. Skipping is a result, not an exception, so a caller replaying a whole log can count what
 * it could not use (identity types, value types of pre-1.0 brokers, unknown intents, fields of the
 * wrong type) and go on.
 */
public sealed interface ReadResult {

  /**
   * @param record the record, an {@code ImmutableRecord} with {@code Immutable<X>} value
   * @param ignoredProperties JSON properties (as paths such as {@code value.workflowKey}) that have
   *     no counterpart in the protocol this codec was built against, typically fields of other
   *     broker versions
   */
  record Mapped(Record<?> record, List<String> ignoredProperties) implements ReadResult {

    public Mapped {
      Objects.requireNonNull(record, "record");
      ignoredProperties = List.copyOf(ignoredProperties);
    }
  }

  /**
   * @param valueType the recorded value type text, {@code null} if there was none
   * @param intent the recorded intent text, {@code null} if there was none
   * @param reason why the record was not mapped
   */
  record Skipped(String valueType, String intent, String reason) implements ReadResult {

    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
