package dev.sightline.probe.es;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Starts an Elasticsearch node the way its own launcher does, minus the native and security parts:
 * environment, logging, the netty4 module from {@code modules/} as a plugin bundle, {@code new
 * Node(environment, pluginsLoader).start()}. One class serves 8.19 and 9.x: they differ in one
 * signature ({@link #loadModuleBundles}).
 */
final class ElasticsearchBoot implements ServerBoot {

  private final ServerClasses classes = new ServerClasses("org.elasticsearch");

  @Override
  public Object start(Path home, Map<String, String> nodeSettings) throws Exception {
    var settings = classes.settings(nodeSettings);
    var environment =
        classes.environment(
            settings, home.resolve("config"), nodeSettings.getOrDefault("node.name", "sightline"));
    ServerClasses.call(
        () ->
            classes
                .type("common.logging.LogConfigurator")
                .getMethod("configure", classes.environmentClass(), boolean.class)
                .invoke(null, environment, true));

    var loaderClass = classes.type("plugins.PluginsLoader");
    var modules = loadModuleBundles(loaderClass, home.resolve("modules"));
    var pluginsLoader =
        loaderClass
            .getMethod("createPluginsLoader", Set.class, Set.class, Map.class, boolean.class)
            .invoke(null, modules, Set.of(), Map.of(), false);

    var nodeClass = classes.type("node.Node");
    var node =
        ServerClasses.call(
            () ->
                nodeClass
                    .getConstructor(classes.environmentClass(), loaderClass)
                    .newInstance(environment, pluginsLoader));
    return ServerClasses.call(() -> nodeClass.getMethod("start").invoke(node));
  }

  /**
   * 9.x takes a second argument (whether modules may be loaded as named modules); 8.19 does not.
   */
  private static Object loadModuleBundles(Class<?> loaderClass, Path modulesDir) throws Exception {
    for (Method method : loaderClass.getMethods()) {
      if (!method.getName().equals("loadModulesBundles")) {
        continue;
      }
      return method.getParameterCount() == 2
          ? method.invoke(null, modulesDir, false)
          : method.invoke(null, modulesDir);
    }
    throw new NoSuchMethodException("PluginsLoader.loadModulesBundles");
  }
}
