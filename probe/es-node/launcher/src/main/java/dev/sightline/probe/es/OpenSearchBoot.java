package dev.sightline.probe.es;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Starts an OpenSearch node: environment, logging, then the {@code Node} constructor that takes
 * classpath plugins (the one OpenSearch's own test nodes use), given the netty4 transport plugin:
 * no plugin folder is needed, unlike Elasticsearch. 2.x takes the plugin classes; 3.x takes a
 * {@code PluginInfo} per plugin, naming its class.
 */
final class OpenSearchBoot implements ServerBoot {

  /** 2.x's name for the transport plugin; 3.x renamed it. */
  private static final List<String> NETTY_PLUGINS =
      List.of(
          "org.opensearch.transport.Netty4Plugin", "org.opensearch.transport.Netty4ModulePlugin");

  private final ServerClasses classes = new ServerClasses("org.opensearch");

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
                .getMethod("configure", classes.environmentClass())
                .invoke(null, environment));

    var nodeClass = classes.type("node.Node");
    // Protected: meant for subclasses; the server runs on the classpath, so reflection may call it.
    var constructor =
        nodeClass.getDeclaredConstructor(
            classes.environmentClass(), Collection.class, boolean.class);
    constructor.setAccessible(true);
    var plugins =
        takesPluginInfos(constructor) ? List.of(pluginInfo(nettyPlugin())) : List.of(nettyPlugin());
    var node =
        ServerClasses.call(
            // true: private index settings are refused, as on a production node.
            () -> constructor.newInstance(environment, plugins, true));
    return ServerClasses.call(() -> nodeClass.getMethod("start").invoke(node));
  }

  private static boolean takesPluginInfos(Constructor<?> constructor) {
    var pluginsType = constructor.getGenericParameterTypes()[1];
    return pluginsType instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0].getTypeName().endsWith(".PluginInfo");
  }

  private static Class<?> nettyPlugin() throws ClassNotFoundException {
    for (var name : NETTY_PLUGINS) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        // try the other name
      }
    }
    throw new ClassNotFoundException("none of " + NETTY_PLUGINS + " on the classpath");
  }

  /**
   * {@code new PluginInfo(name, description, version, Version.CURRENT, javaVersion, className,
   * extendedPlugins, hasNativeController)}, as OpenSearch's test nodes describe classpath plugins.
   */
  private Object pluginInfo(Class<?> plugin) throws Exception {
    var versionClass = classes.type("Version");
    var current = versionClass.getField("CURRENT").get(null);
    return ServerClasses.call(
        () ->
            classes
                .type("plugins.PluginInfo")
                .getConstructor(
                    String.class,
                    String.class,
                    String.class,
                    versionClass,
                    String.class,
                    String.class,
                    List.class,
                    boolean.class)
                .newInstance(
                    plugin.getName(),
                    "classpath plugin",
                    "NA",
                    current,
                    Integer.toString(Runtime.version().feature()),
                    plugin.getName(),
                    List.of(),
                    false));
  }
}
