package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one value interface's {@code Immutable<X>} from a JSON object: for each property, the
 * builder's {@code with<Property>} setter and a converter for the getter's type, found once per
 * interface and kept as method handles. A JSON property without a counterpart (a newer broker's
 * field, a renamed old one) is ignored and reported through the {@link ReadContext}; a property
 * missing from the JSON keeps the builder's default, which is how records of older brokers map.
 */
final class ValueBinding {

  private static final MethodType SETTER_TYPE =
      MethodType.methodType(Object.class, Object.class, Object.class);

  private static final ClassValue<Object> CACHE =
      new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
          try {
            return new ValueBinding(type);
          } catch (UnavailableTypeException e) {
            return e;
          } catch (LinkageError e) {
            return new UnavailableTypeException(type, e);
          }
        }
      };

  private record Setter(MethodHandle handle, Converter converter) {}

  private final Class<?> type;
  private final MethodHandle newBuilder;
  private final MethodHandle build;
  private final Map<String, Setter> setters = new HashMap<>();

  private ValueBinding(Class<?> type) {
    this.type = type;
    try {
      Class<?> immutable =
          Class.forName(
              type.getPackageName() + ".Immutable" + type.getSimpleName(),
              true,
              type.getClassLoader());
      Method builderMethod = immutable.getMethod("builder");
      Class<?> builder = builderMethod.getReturnType();
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      newBuilder = lookup.unreflect(builderMethod).asType(MethodType.methodType(Object.class));
      build =
          lookup
              .unreflect(builder.getMethod("build"))
              .asType(MethodType.methodType(Object.class, Object.class));
      for (ValueProperty property : ValueSchema.of(type).properties()) {
        Method with = findSetter(builder, property);
        Setter setter =
            new Setter(
                lookup.unreflect(with).asFixedArity().asType(SETTER_TYPE), converterFor(property));
        setters.put(property.name(), setter);
        if (property.getter().getName().startsWith("is")) {
          setters.put(property.getter().getName(), setter); // zdb prints some booleans as isFoo
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no immutable builder for " + type.getName(), e);
    }
  }

  /**
   * The binding of a value interface.
   *
   * @throws UnavailableTypeException if the interface, or one nested in it, cannot be loaded
   */
  static ValueBinding of(Class<?> valueInterface) {
    Object cached = CACHE.get(valueInterface);
    if (cached instanceof UnavailableTypeException e) {
      throw e;
    }
    return (ValueBinding) cached;
  }

  /** The immutable value the JSON object describes. */
  Object read(JsonNode node, ReadContext context, JsonNode owner) {
    if (!node.isObject()) {
      throw context.error(
          "expected a " + type.getSimpleName() + " object but was " + node.getNodeType());
    }
    Object builder = newBuilder();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      Setter setter = setters.get(property.getKey());
      if (setter == null) {
        context.ignore(property.getKey());
        continue;
      }
      JsonNode value = property.getValue();
      if (value.isNull()) {
        continue; // the builder's default
      }
      int mark = context.enter(property.getKey());
      Object converted = setter.converter().convert(value, context, node);
      try {
        Object ignored = (Object) setter.handle().invokeExact(builder, converted);
      } catch (RuntimeException e) {
        throw context.error("rejected by the builder: " + e);
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      context.leave(mark);
    }
    return build(builder);
  }

  /** The names of the JSON properties this binding maps, for tests. */
  List<String> propertyNames() {
    return setters.keySet().stream().sorted().toList();
  }

  private Converter converterFor(ValueProperty property) {
    if (type == VariableRecordValue.class && property.name().equals("value")) {
      return Converters.jsonText();
    }
    return Converters.forType(property.type());
  }

  /**
   * {@code with<Property>} taking one value: a scalar, map or iterable rather than the varargs
   * overload of a collection, but the array itself for an array property ({@code
   * withChecksum(byte...)}).
   */
  private static Method findSetter(Class<?> builder, ValueProperty property)
      throws NoSuchMethodException {
    String name = "with" + property.builderSuffix();
    boolean arrayProperty = property.getter().getReturnType().isArray();
    for (Method method : builder.getMethods()) {
      if (method.getName().equals(name)
          && method.getParameterCount() == 1
          && method.getParameterTypes()[0].isArray() == arrayProperty) {
        return method;
      }
    }
    throw new NoSuchMethodException(builder.getName() + "." + name);
  }

  private Object newBuilder() {
    try {
      return (Object) newBuilder.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private Object build(Object builder) {
    try {
      return (Object) build.invokeExact(builder);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
