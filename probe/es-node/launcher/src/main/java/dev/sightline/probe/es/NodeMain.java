package dev.sightline.probe.es;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the node JVM that {@link NodeProcess} launches. Runs on the server's own classpath
 * and starts the server by reflection ({@link ElasticsearchBoot}, {@link OpenSearchBoot}), so the
 * probe needs no compile-time dependency on any server.
 *
 * <p>Arguments: the engine ({@code elasticsearch} or {@code opensearch}) and the node's home
 * folder, already holding {@code config/sightline-node.properties} (the node settings) and {@code
 * config/log4j2.properties} (and, for Elasticsearch, {@code modules/transport-netty4/}). The node
 * exits when its standard input reaches end-of-file, i.e. when its parent dies, so no orphan
 * outlives a killed test.
 */
public final class NodeMain {

  static final String SETTINGS_FILE = "sightline-node.properties";

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: NodeMain elasticsearch|opensearch <node home folder>");
    }
    ServerBoot boot =
        Engine.parse(args[0]) == Engine.OPENSEARCH ? new OpenSearchBoot() : new ElasticsearchBoot();
    var home = Path.of(args[1]);
    exitWhenParentDies(System.in);
    try {
      var node = boot.start(home, readSettings(home.resolve("config").resolve(SETTINGS_FILE)));
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
