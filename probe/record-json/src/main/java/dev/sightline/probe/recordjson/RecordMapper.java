package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.ValueTypeMapping;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Maps one record object (either layout) to a {@link ReadResult}: resolves value type and intent,
 * builds the value through its {@link ValueBinding} and the metadata through {@code
 * ImmutableRecord}'s builder.
 *
 * <p>Metadata a record does not carry gets the value the broker writes for "none" where the
 * protocol has one ({@code rejectionType NULL_VAL}, {@code rejectionReason ""}, {@code
 * operationReference -1}: zdb omits the rejection fields on non-rejections, brokers before 8.6 have
 * no operation reference); anything else keeps the builder's default (0 or {@code null}), e.g.
 * {@code partitionId} in the zdb layout and {@code brokerVersion}, {@code recordVersion} for
 * pre-8.3 brokers. An explicit JSON {@code null} is kept as {@code null}.
 */
final class RecordMapper {

  /**
   * @param keepsDefaultOnNull a primitive, or a map the builder cannot take as null
   */
  private record Field(
      Converter converter,
      BiConsumer<ImmutableRecord.Builder<RecordValue>, Object> setter,
      boolean keepsDefaultOnNull) {}

  private static final Converter LONG = Converters.forType(long.class);
  private static final Converter INT = Converters.forType(int.class);
  private static final Converter TEXT = Converters.forType(String.class);
  private static final Converter MAP = Converters.forType(Map.class);

  private static final Map<String, Field> FIELDS =
      Map.ofEntries(
          Map.entry("key", new Field(LONG, (b, v) -> b.withKey((Long) v), true)),
          Map.entry("position", new Field(LONG, (b, v) -> b.withPosition((Long) v), true)),
          Map.entry(
              "sourceRecordPosition",
              new Field(LONG, (b, v) -> b.withSourceRecordPosition((Long) v), true)),
          Map.entry("timestamp", new Field(LONG, (b, v) -> b.withTimestamp((Long) v), true)),
          Map.entry("partitionId", new Field(INT, (b, v) -> b.withPartitionId((Integer) v), true)),
          Map.entry(
              "recordVersion", new Field(INT, (b, v) -> b.withRecordVersion((Integer) v), true)),
          Map.entry(
              "operationReference",
              new Field(LONG, (b, v) -> b.withOperationReference((Long) v), true)),
          Map.entry(
              "batchOperationReference",
              new Field(LONG, (b, v) -> b.withBatchOperationReference((Long) v), true)),
          Map.entry(
              "recordType",
              new Field(
                  Converters.forType(RecordType.class),
                  (b, v) -> b.withRecordType((RecordType) v),
                  false)),
          Map.entry(
              "rejectionType",
              new Field(
                  Converters.forType(RejectionType.class),
                  (b, v) -> b.withRejectionType((RejectionType) v),
                  false)),
          Map.entry(
              "rejectionReason",
              new Field(TEXT, (b, v) -> b.withRejectionReason((String) v), false)),
          Map.entry(
              "brokerVersion", new Field(TEXT, (b, v) -> b.withBrokerVersion((String) v), false)),
          Map.entry("authorizations", new Field(MAP, RecordMapper::setAuthorizations, true)));

  /** zdb metadata that an exported record does not have; known, so not reported as ignored. */
  private static final Set<String> ZDB_ONLY =
      Set.of("requestId", "requestStreamId", "protocolVersion");

  private RecordMapper() {}

  static ReadResult map(JsonNode node) {
    String valueTypeText = text(node, "valueType");
    String intentText = text(node, "intent");
    if (valueTypeText == null) {
      return new ReadResult.Skipped(null, intentText, "no valueType");
    }
    ValueType valueType;
    Class<?> valueClass;
    try {
      valueType = ValueType.valueOf(valueTypeText);
      valueClass = ValueTypeMapping.get(valueType).getValueClass();
    } catch (IllegalArgumentException e) {
      return new ReadResult.Skipped(
          valueTypeText, intentText, "unknown value type '" + valueTypeText + "'");
    }
    if (intentText == null) {
      return new ReadResult.Skipped(valueTypeText, null, "no intent");
    }
    Intent intent = Intents.of(valueType, intentText).orElse(null);
    if (intent == null) {
      return new ReadResult.Skipped(
          valueTypeText, intentText, "unknown intent '" + intentText + "' for " + valueTypeText);
    }
    RecordLayout layout = node.has("value") ? RecordLayout.EXPORTER : RecordLayout.ZDB;
    String valueField = layout == RecordLayout.EXPORTER ? "value" : "recordValue";
    if (!node.hasNonNull(valueField)) {
      return new ReadResult.Skipped(valueTypeText, intentText, "no value");
    }
    ValueBinding binding;
    try {
      binding = ValueBinding.of(valueClass);
    } catch (UnavailableTypeException e) {
      return new ReadResult.Skipped(
          valueTypeText, intentText, valueTypeText + " value cannot be built: " + e.getMessage());
    }
    try {
      return mapped(node, valueType, intent, layout, valueField, binding);
    } catch (MappingException e) {
      return new ReadResult.Skipped(valueTypeText, intentText, "invalid " + e.getMessage());
    }
  }

  private static ReadResult mapped(
      JsonNode node,
      ValueType valueType,
      Intent intent,
      RecordLayout layout,
      String valueField,
      ValueBinding binding) {
    ReadContext context = new ReadContext(layout);
    ImmutableRecord.Builder<RecordValue> builder =
        ImmutableRecord.<RecordValue>builder()
            .withValueType(valueType)
            .withIntent(intent)
            .withRejectionType(RejectionType.NULL_VAL)
            .withRejectionReason("")
            .withOperationReference(-1);
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      if (name.equals("valueType") || name.equals("intent")) {
        continue;
      } else if (name.equals(valueField)) {
        int mark = context.enter(name);
        builder.withValue((RecordValue) binding.read(value, context, node));
        context.leave(mark);
      } else if (layout == RecordLayout.ZDB && ZDB_ONLY.contains(name)) {
        continue;
      } else if (layout == RecordLayout.ZDB && name.equals("authData") && value.isTextual()) {
        ZdbAuthData.authorizations(value.textValue())
            .ifPresentOrElse(builder::withAuthorizations, () -> context.ignore(name));
      } else {
        Field field = FIELDS.get(name);
        if (field == null) {
          context.ignore(name);
        } else if (value.isNull()) {
          if (!field.keepsDefaultOnNull()) {
            field.setter().accept(builder, null);
          }
        } else {
          int mark = context.enter(name);
          field.setter().accept(builder, field.converter().convert(value, context, node));
          context.leave(mark);
        }
      }
    }
    return new ReadResult.Mapped(builder.build(), context.ignored());
  }

  @SuppressWarnings("unchecked")
  private static void setAuthorizations(
      ImmutableRecord.Builder<RecordValue> builder, Object value) {
    builder.withAuthorizations((Map<String, Object>) value);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
