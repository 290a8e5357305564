package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.ValueTypeMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a {@link Record} as the JSON the broker's {@code record.toJson()} produces: the metadata
 * properties, then {@code value} with the properties of the value <em>interface</em> of the
 * record's value type (bean names, {@code byte[]} as base64, enums and intents by name).
 *
 * <p>Why not {@code record.toJson()}: the protocol's {@code ImmutableRecord} does not support it,
 * and serialising the runtime classes with a generic mapper would leak implementation getters. Why
 * not a bean-serialising {@code ObjectMapper}: the shaded Jackson does not see the broker's Jackson
 * annotations, and nested values would be serialised by their runtime class. Instead, per value
 * interface, getters are resolved once into method handles and emitters ({@code ValueEmitter});
 * writing a record is then a straight walk with no reflection. Thread-safe and stateless: share one
 * instance.
 *
 * <p>A value type whose interface cannot be loaded (the identity types, without the excluded {@code
 * camunda-security-protocol}) falls back to the value's own {@code toJson()}, which broker records
 * support.
 */
public final class RecordJsonWriter {

  private static final SerializedString VALUE_TYPE = new SerializedString("valueType");
  private static final SerializedString KEY = new SerializedString("key");
  private static final SerializedString POSITION = new SerializedString("position");
  private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
  private static final SerializedString RECORD_TYPE = new SerializedString("recordType");
  private static final SerializedString INTENT = new SerializedString("intent");
  private static final SerializedString PARTITION_ID = new SerializedString("partitionId");
  private static final SerializedString REJECTION_TYPE = new SerializedString("rejectionType");
  private static final SerializedString REJECTION_REASON = new SerializedString("rejectionReason");
  private static final SerializedString BROKER_VERSION = new SerializedString("brokerVersion");
  private static final SerializedString RECORD_VERSION = new SerializedString("recordVersion");
  private static final SerializedString OPERATION_REFERENCE =
      new SerializedString("operationReference");
  private static final SerializedString BATCH_OPERATION_REFERENCE =
      new SerializedString("batchOperationReference");
  private static final SerializedString VALUE = new SerializedString("value");
  private static final SerializedString AUTHORIZATIONS = new SerializedString("authorizations");
  private static final SerializedString SOURCE_RECORD_POSITION =
      new SerializedString("sourceRecordPosition");

  /** The record as JSON text. */
  public String write(Record<?> record) {
    StringWriter out = new StringWriter(1024);
    try {
      write(record, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** The record as UTF-8 JSON bytes (what a bulk request body wants). */
  public byte[] writeBytes(Record<?> record) {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(1024)) {
      write(record, bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the record as UTF-8 JSON to the stream, without closing it. */
  public void write(Record<?> record, OutputStream out) throws IOException {
    try (JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
      write(record, generator);
    }
  }

  /** Writes the record as JSON to the writer, without closing it. */
  public void write(Record<?> record, Writer out) throws IOException {
    try (JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
      write(record, generator);
    }
  }

  /**
   * Writes the record as one JSON object to a generator the caller owns (e.g. inside a bulk body).
   */
  public void write(Record<?> record, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeFieldName(VALUE_TYPE);
    writeName(generator, record.getValueType());
    generator.writeFieldName(KEY);
    generator.writeNumber(record.getKey());
    generator.writeFieldName(POSITION);
    generator.writeNumber(record.getPosition());
    generator.writeFieldName(TIMESTAMP);
    generator.writeNumber(record.getTimestamp());
    generator.writeFieldName(RECORD_TYPE);
    writeName(generator, record.getRecordType());
    generator.writeFieldName(INTENT);
    generator.writeString(record.getIntent() == null ? null : record.getIntent().name());
    generator.writeFieldName(PARTITION_ID);
    generator.writeNumber(record.getPartitionId());
    generator.writeFieldName(REJECTION_TYPE);
    writeName(generator, record.getRejectionType());
    generator.writeFieldName(REJECTION_REASON);
    generator.writeString(record.getRejectionReason());
    generator.writeFieldName(BROKER_VERSION);
    generator.writeString(record.getBrokerVersion());
    generator.writeFieldName(RECORD_VERSION);
    generator.writeNumber(record.getRecordVersion());
    generator.writeFieldName(OPERATION_REFERENCE);
    generator.writeNumber(record.getOperationReference());
    generator.writeFieldName(BATCH_OPERATION_REFERENCE);
    generator.writeNumber(record.getBatchOperationReference());
    generator.writeFieldName(VALUE);
    writeValue(generator, record.getValueType(), record.getValue());
    generator.writeFieldName(AUTHORIZATIONS);
    PlainEmitter.INSTANCE.emit(generator, record.getAuthorizations(), record);
    generator.writeFieldName(SOURCE_RECORD_POSITION);
    generator.writeNumber(record.getSourceRecordPosition());
    generator.writeEndObject();
  }

  private static void writeValue(JsonGenerator generator, ValueType valueType, RecordValue value)
      throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    if (valueType == null) {
      generator.writeRawValue(value.toJson());
      return;
    }
    ValueEmitter emitter;
    try {
      emitter = ValueEmitter.of(ValueTypeMapping.get(valueType).getValueClass());
    } catch (UnavailableTypeException | IllegalArgumentException e) {
      // no interface to serialise by (an identity type without its classes, or SBE_UNKNOWN)
      generator.writeRawValue(value.toJson());
      return;
    }
    emitter.emit(generator, value, null);
  }

  private static void writeName(JsonGenerator generator, Enum<?> value) throws IOException {
    generator.writeString(value == null ? null : value.name());
  }
}
