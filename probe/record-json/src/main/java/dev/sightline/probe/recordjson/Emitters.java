package dev.sightline.probe.recordjson;

import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.ValueTypeMapping;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * Builds the {@link JsonEmitter} for a getter's declared type: numbers, booleans and strings as
 * such, {@code byte[]} as base64, enums and intents by name, collections as arrays, maps as
 * objects, nested value interfaces through their own {@link ValueEmitter}, and anything untyped
 * through {@link PlainEmitter}.
 */
final class Emitters {

  private Emitters() {}

  /**
   * @param valueTypeOfOwner a getter for the sibling {@code valueType} property, or {@code null};
   *     needed only by a polymorphic {@code RecordValue} property (the command of a
   *     COMMAND_DISTRIBUTION)
   */
  static JsonEmitter forType(Type type, MethodHandle valueTypeOfOwner) {
    Class<?> raw = Types.raw(type);
    if (raw == long.class || raw == Long.class) {
      return nullSafe((g, v, o) -> g.writeNumber((Long) v));
    } else if (raw == int.class || raw == Integer.class) {
      return nullSafe((g, v, o) -> g.writeNumber((Integer) v));
    } else if (raw == boolean.class || raw == Boolean.class) {
      return nullSafe((g, v, o) -> g.writeBoolean((Boolean) v));
    } else if (raw == String.class) {
      return nullSafe((g, v, o) -> g.writeString((String) v));
    } else if (raw == byte[].class) {
      return nullSafe((g, v, o) -> g.writeBinary((byte[]) v));
    } else if (raw.isEnum()) {
      return nullSafe((g, v, o) -> g.writeString(((Enum<?>) v).name()));
    } else if (raw == Intent.class) {
      return nullSafe((g, v, o) -> g.writeString(((Intent) v).name()));
    } else if (raw == RecordValue.class) {
      return nullSafe(polymorphic(valueTypeOfOwner));
    } else if (Iterable.class.isAssignableFrom(raw)) {
      return nullSafe(array(forType(Types.argument(type, 0), null)));
    } else if (Map.class.isAssignableFrom(raw)) {
      return nullSafe(object(forType(Types.argument(type, 1), null)));
    } else if (Types.isValueInterface(raw)) {
      return ValueEmitter.of(raw);
    }
    return PlainEmitter.INSTANCE;
  }

  private static JsonEmitter nullSafe(JsonEmitter emitter) {
    return (g, v, o) -> {
      if (v == null) {
        g.writeNull();
      } else {
        emitter.emit(g, v, o);
      }
    };
  }

  private static JsonEmitter array(JsonEmitter element) {
    return (g, v, o) -> {
      g.writeStartArray();
      if (v instanceof Collection<?> c) {
        for (Object item : c) {
          element.emit(g, item, o);
        }
      } else {
        for (Object item : (Iterable<?>) v) {
          element.emit(g, item, o);
        }
      }
      g.writeEndArray();
    };
  }

  private static JsonEmitter object(JsonEmitter entryValue) {
    return (g, v, o) -> {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        entryValue.emit(g, entry.getValue(), o);
      }
      g.writeEndObject();
    };
  }

  /**
   * A {@code RecordValue} whose interface is named by the owner's {@code valueType} property. A
   * value that does not implement that interface is written with the properties of {@code
   * RecordValue}, i.e. as {@code {}}: the protocol's {@code
   * ImmutableCommandDistributionRecordValue} keeps its command as a bare {@code
   * ImmutableRecordValue} with no properties at all.
   */
  private static JsonEmitter polymorphic(MethodHandle valueTypeOfOwner) {
    return (g, v, owner) -> {
      ValueType valueType =
          valueTypeOfOwner == null ? null : (ValueType) invoke(valueTypeOfOwner, owner);
      Class<?> valueInterface = valueType == null ? null : interfaceOf(valueType);
      if (valueInterface == null || !valueInterface.isInstance(v)) {
        valueInterface = RecordValue.class;
      }
      ValueEmitter.of(valueInterface).emit(g, v, owner);
    };
  }

  private static Class<?> interfaceOf(ValueType valueType) {
    try {
      return ValueTypeMapping.get(valueType).getValueClass();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Object invoke(MethodHandle getter, Object owner) {
    try {
      return (Object) getter.invokeExact(owner);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
