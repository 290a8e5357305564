package dev.sightline.probe.es;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reflective calls both engines share (OpenSearch forked Elasticsearch 7.10 and kept these
 * shapes): settings, the node environment, logging. {@code root} is the engine's package, {@code
 * org.elasticsearch} or {@code org.opensearch}.
 */
record ServerClasses(String root) {

  Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName(root + "." + name);
  }

  Class<?> settingsClass() throws ClassNotFoundException {
    return type("common.settings.Settings");
  }

  Class<?> environmentClass() throws ClassNotFoundException {
    return type("env.Environment");
  }

  /** {@code Settings.builder().put(k, v)….build()}. */
  Object settings(Map<String, String> values) throws Exception {
    var builder = settingsClass().getMethod("builder").invoke(null);
    var put = builder.getClass().getMethod("put", String.class, String.class);
    for (var entry : values.entrySet()) {
      put.invoke(builder, entry.getKey(), entry.getValue());
    }
    return builder.getClass().getMethod("build").invoke(builder);
  }

  /** {@code InternalSettingsPreparer.prepareEnvironment(settings, {}, configDir, nodeName)}. */
  Object environment(Object settings, Path configDir, String nodeName) throws Exception {
    Supplier<String> name = () -> nodeName;
    return call(
        () ->
            type("node.InternalSettingsPreparer")
                .getMethod(
                    "prepareEnvironment", settingsClass(), Map.class, Path.class, Supplier.class)
                .invoke(null, settings, Map.of(), configDir, name));
  }

  interface Call {
    Object run() throws Exception;
  }

  /** Runs a reflective call and throws what the called method threw, not its wrapper. */
  static Object call(Call call) throws Exception {
    try {
      return call.run();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
