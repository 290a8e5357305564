package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes untyped values ({@code Map<String, Object>} variables, authorizations): the plain
 * JSON-like Java types directly, anything else through the shared mapper. Variables are on every
 * job and message, so the common types skip Jackson's serializer lookup.
 */
final class PlainEmitter implements JsonEmitter {

  static final PlainEmitter INSTANCE = new PlainEmitter();

  private PlainEmitter() {}

  @Override
  public void emit(JsonGenerator generator, Object value, Object owner) throws IOException {
    switch (value) {
      case null -> generator.writeNull();
      case String s -> generator.writeString(s);
      case Integer i -> generator.writeNumber(i);
      case Long l -> generator.writeNumber(l);
      case Double d -> generator.writeNumber(d);
      case Boolean b -> generator.writeBoolean(b);
      case BigInteger b -> generator.writeNumber(b);
      case BigDecimal b -> generator.writeNumber(b);
      case Map<?, ?> map -> {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          generator.writeFieldName(String.valueOf(entry.getKey()));
          emit(generator, entry.getValue(), owner);
        }
        generator.writeEndObject();
      }
      case Iterable<?> items -> {
        generator.writeStartArray();
        for (Object item : items) {
          emit(generator, item, owner);
        }
        generator.writeEndArray();
      }
      default -> Json.MAPPER.writeValue(generator, value);
    }
  }
}
