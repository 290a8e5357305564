package dev.sightline.probe.recordjson;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON properties of one value interface, in name order, computed once per interface.
 *
 * <p>Why the interface and not the runtime class: a broker's record values are implementation
 * classes with extra public getters (buffers, internal state) that must not leak into the JSON, and
 * the protocol's immutable classes add nothing the interface does not declare. Properties inherited
 * from super-interfaces ({@code TenantOwned}, {@code ProcessInstanceRelated}, …) are included,
 * once.
 */
record ValueSchema(Class<?> type, List<ValueProperty> properties) {

  private static final Set<String> NOT_PROPERTIES = Set.of("toJson", "getClass");

  private static final ClassValue<Object> CACHE =
      new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
          try {
            return introspect(type);
          } catch (LinkageError e) {
            return new UnavailableTypeException(type, e);
          }
        }
      };

  /**
   * The schema of a value interface.
   *
   * @throws UnavailableTypeException if a class the interface refers to is not on the class path
   *     (the identity value types need the excluded {@code camunda-security-protocol})
   */
  static ValueSchema of(Class<?> type) {
    Object cached = CACHE.get(type);
    if (cached instanceof UnavailableTypeException e) {
      throw e; // immutable: no stack trace, no suppression, safe to share between threads
    }
    return (ValueSchema) cached;
  }

  private static ValueSchema introspect(Class<?> type) {
    Map<String, ValueProperty> byName = new LinkedHashMap<>();
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() != 0
          || Modifier.isStatic(method.getModifiers())
          || method.getDeclaringClass() == Object.class
          || NOT_PROPERTIES.contains(method.getName())) {
        continue;
      }
      ValueProperty property = ValueProperty.of(method);
      if (property == null) {
        continue;
      }
      // The same getter may be declared by the interface and a super-interface: keep the most
      // specific.
      byName.merge(
          property.name(),
          property,
          (a, b) ->
              a.getter().getReturnType().isAssignableFrom(b.getter().getReturnType()) ? b : a);
    }
    List<ValueProperty> properties = new ArrayList<>(byName.values());
    properties.sort(Comparator.comparing(ValueProperty::name));
    return new ValueSchema(type, List.copyOf(properties));
  }
}
