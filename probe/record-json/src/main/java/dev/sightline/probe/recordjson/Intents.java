package dev.sightline.probe.recordjson;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.ValueTypeMapping;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.Optional;

/**
 * Intent by name for a value type, through {@code ValueTypeMapping}'s intent enum. Not {@code
 * Intent.fromProtocolValue(ValueType, String)}: in 8.8 that switch misses newer value types (it
 * throws for USAGE_METRIC), and it throws a plain {@code RuntimeException}.
 */
final class Intents {

  private Intents() {}

  /** The intent, or empty if the value type has no intent of that name (or no intents at all). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Optional<Intent> of(ValueType valueType, String name) {
    try {
      Class intentClass = ValueTypeMapping.get(valueType).getIntentClass();
      return Optional.of((Intent) Enum.valueOf(intentClass, name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
