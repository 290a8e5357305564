package dev.sightline.probe.es;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Entry point of the Elasticsearch node JVM that {@link ElasticsearchNode} launches. Runs on the
 * server's own classpath and calls the server by reflection, so one class serves every supported
 * version (8.19 and 9.x differ in one signature) and the probe needs no compile-time dependency on
 * the server.
 *
 * <p>Argument: the node's home folder, already holding {@code config/sightline-node.properties}
 * (the node settings), {@code config/log4j2.properties} and {@code modules/transport-netty4/}. The
 * node exits when its standard input reaches end-of-file, i.e. when its parent dies, so no orphan
 * outlives a killed test.
 */
public final class NodeMain {

  static final String SETTINGS_FILE = "sightline-node.properties";

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NodeMain <node home folder>");
    }
    var home = Path.of(args[0]);
    exitWhenParentDies(System.in);
    try {
      var node = startNode(home, readSettings(home.resolve("config").resolve(SETTINGS_FILE)));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> shutDown(node, home), "es-node-shutdown"));
      // The server's threads are daemons: this thread keeps the JVM up until SIGTERM or end of
      // stdin.
      new CountDownLatch(1).await();
    } catch (Throwable failure) {
      // The server's threads would keep a half-started JVM alive: report and leave.
      failure.printStackTrace();
      System.exit(1);
    }
  }

  /**
   * The byte a parent sends before it stops the node on purpose (it keeps or deletes the folder
   * itself).
   */
  static final int PLANNED_STOP = 'S';

  /** Set when the parent died: nobody else is left to delete the home folder. */
  private static volatile boolean orphaned;

  private static volatile boolean plannedStop;

  private static void exitWhenParentDies(InputStream stdin) {
    var watcher =
        new Thread(
            () -> {
              try {
                int read;
                while ((read = stdin.read()) != -1) {
                  if (read == PLANNED_STOP) {
                    plannedStop =
                        true; // the parent will signal or close the pipe next: not a death
                  }
                }
              } catch (IOException e) {
                // A broken pipe means the same as end-of-file.
              }
              if (!plannedStop) {
                orphaned = true; // the parent is gone
                System.exit(0);
              }
            },
            "es-node-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static Map<String, String> readSettings(Path file) throws IOException {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    var settings = new TreeMap<String, String>();
    properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
    return settings;
  }

  private static Object startNode(Path home, Map<String, String> nodeSettings) throws Exception {
    var settingsClass = Class.forName("org.elasticsearch.common.settings.Settings");
    var builder = settingsClass.getMethod("builder").invoke(null);
    var put = builder.getClass().getMethod("put", String.class, String.class);
    for (var entry : nodeSettings.entrySet()) {
      put.invoke(builder, entry.getKey(), entry.getValue());
    }
    var settings = builder.getClass().getMethod("build").invoke(builder);

    var configDir = home.resolve("config");
    var environmentClass = Class.forName("org.elasticsearch.env.Environment");
    Supplier<String> nodeName = () -> nodeSettings.getOrDefault("node.name", "sightline");
    var environment =
        Class.forName("org.elasticsearch.node.InternalSettingsPreparer")
            .getMethod("prepareEnvironment", settingsClass, Map.class, Path.class, Supplier.class)
            .invoke(null, settings, Map.of(), configDir, nodeName);
    Class.forName("org.elasticsearch.common.logging.LogConfigurator")
        .getMethod("configure", environmentClass, boolean.class)
        .invoke(null, environment, true);

    var loaderClass = Class.forName("org.elasticsearch.plugins.PluginsLoader");
    var modules = loadModuleBundles(loaderClass, home.resolve("modules"));
    var pluginsLoader =
        loaderClass
            .getMethod("createPluginsLoader", Set.class, Set.class, Map.class, boolean.class)
            .invoke(null, modules, Set.of(), Map.of(), false);

    var nodeClass = Class.forName("org.elasticsearch.node.Node");
    var node =
        unwrap(
            () ->
                nodeClass
                    .getConstructor(environmentClass, loaderClass)
                    .newInstance(environment, pluginsLoader));
    return unwrap(() -> nodeClass.getMethod("start").invoke(node));
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

  private interface Call {
    Object run() throws Exception;
  }

  private static Object unwrap(Call call) throws Exception {
    try {
      return call.run();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void shutDown(Object node, Path home) {
    try {
      node.getClass().getMethod("close").invoke(node);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Shutting down anyway.
    }
    if (orphaned) {
      deleteQuietly(home);
    }
  }

  private static void deleteQuietly(Path home) {
    try (var paths = Files.walk(home)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: the folder lies under the temporary directory.
    }
  }
}
