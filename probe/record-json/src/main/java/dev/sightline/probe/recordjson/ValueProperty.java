package dev.sightline.probe.recordjson;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * One property of a value interface: the name Jackson's bean naming gives its getter ({@code
 * getFooBar} and boolean {@code isFooBar} both become {@code fooBar}), the getter, and its declared
 * type.
 *
 * @param name the JSON property name
 * @param getter the interface getter
 * @param type the getter's generic return type
 * @param builderSuffix what follows {@code with} in the Immutables builder's setter ({@code
 *     FooBar})
 */
record ValueProperty(String name, Method getter, Type type, String builderSuffix) {

  /** The property a getter defines, or {@code null} if the method is not a bean getter. */
  static ValueProperty of(Method method) {
    String methodName = method.getName();
    String suffix;
    if (methodName.startsWith("get") && methodName.length() > 3) {
      suffix = methodName.substring(3);
    } else if (methodName.startsWith("is")
        && methodName.length() > 2
        && method.getReturnType() == boolean.class) {
      suffix = methodName.substring(2);
    } else {
      return null;
    }
    if (!Character.isUpperCase(suffix.charAt(0))) {
      return null;
    }
    return new ValueProperty(decapitalize(suffix), method, method.getGenericReturnType(), suffix);
  }

  /**
   * Jackson's (non-"std") bean naming: lower-case the leading run of upper-case letters, so {@code
   * URL} becomes {@code url} and {@code BpmnProcessId} becomes {@code bpmnProcessId}.
   */
  static String decapitalize(String suffix) {
    char[] chars = suffix.toCharArray();
    for (int i = 0; i < chars.length && Character.isUpperCase(chars[i]); i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
