package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Writes a value object as the JSON object of its interface's properties. One instance per
 * interface, built once (getters as method handles, property names pre-encoded, an emitter per
 * declared type).
 */
final class ValueEmitter implements JsonEmitter {

  private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);

  private static final ClassValue<Object> CACHE =
      new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
          try {
            return new ValueEmitter(ValueSchema.of(type));
          } catch (UnavailableTypeException e) {
            return e;
          }
        }
      };

  private record Slot(SerializedString name, MethodHandle getter, JsonEmitter emitter) {}

  private final Slot[] slots;

  private ValueEmitter(ValueSchema schema) {
    MethodHandle valueTypeGetter =
        schema.properties().stream()
            .filter(p -> p.name().equals("valueType"))
            .findFirst()
            .map(ValueEmitter::getter)
            .orElse(null);
    slots =
        schema.properties().stream()
            .map(
                p ->
                    new Slot(
                        new SerializedString(p.name()),
                        getter(p),
                        Emitters.forType(p.type(), valueTypeGetter)))
            .toArray(Slot[]::new);
  }

  /**
   * The emitter of a value interface.
   *
   * @throws UnavailableTypeException if the interface, or one nested in it, cannot be loaded
   */
  static ValueEmitter of(Class<?> valueInterface) {
    Object cached = CACHE.get(valueInterface);
    if (cached instanceof UnavailableTypeException e) {
      throw e;
    }
    return (ValueEmitter) cached;
  }

  @Override
  public void emit(JsonGenerator generator, Object value, Object owner) throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    generator.writeStartObject();
    for (Slot slot : slots) {
      generator.writeFieldName(slot.name);
      slot.emitter.emit(generator, Emitters.invoke(slot.getter, value), value);
    }
    generator.writeEndObject();
  }

  private static MethodHandle getter(ValueProperty property) {
    try {
      return MethodHandles.publicLookup().unreflect(property.getter()).asType(GETTER_TYPE);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("getter is not public: " + property.getter(), e);
    }
  }
}
