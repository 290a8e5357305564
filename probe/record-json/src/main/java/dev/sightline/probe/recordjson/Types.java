package dev.sightline.probe.recordjson;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/** The few generic-type questions the codec asks of a getter's declared return type. */
final class Types {

  private Types() {}

  static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> raw(p.getRawType());
      case WildcardType w -> raw(w.getUpperBounds()[0]);
      case GenericArrayType a -> raw(a.getGenericComponentType()).arrayType();
      default -> Object.class;
    };
  }

  /** The {@code index}-th type argument, or {@code Object} for a raw type. */
  static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      Type argument = p.getActualTypeArguments()[index];
      return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
    }
    return Object.class;
  }

  /** Whether the type is one of the protocol's value interfaces (a nested JSON object). */
  static boolean isValueInterface(Class<?> raw) {
    return raw.isInterface() && raw.getName().startsWith("io.camunda.zeebe.protocol.record.");
  }
}
