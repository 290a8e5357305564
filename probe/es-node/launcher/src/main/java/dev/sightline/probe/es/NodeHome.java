package dev.sightline.probe.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The fresh temporary folder a node lives in: config, data, logs and (Elasticsearch) its transport
 * module.
 */
final class NodeHome {

  private static final String NETTY_DESCRIPTOR =
      "META-INF/es-plugins/transport-netty4/plugin-descriptor.properties";

  private final Path root;

  private NodeHome(Path root) {
    this.root = root;
  }

  /**
   * A fresh folder {@code sightline-es-<version id>[-<name>]-<random>} under the options' base
   * folder, laid out for the options' engine; settings are written separately ({@link
   * #writeSettings}).
   */
  static NodeHome create(NodeOptions options, Distribution distribution, String name)
      throws IOException {
    Files.createDirectories(options.baseDir());
    var home =
        new NodeHome(
            Files.createTempDirectory(
                options.baseDir(),
                "sightline-es-"
                    + options.version().id()
                    + (name.isEmpty() ? "" : "-" + name)
                    + "-"));
    try {
      home.layOut(distribution);
      return home;
    } catch (IOException | RuntimeException e) {
      home.delete();
      throw e;
    }
  }

  Path root() {
    return root;
  }

  Path config() {
    return root.resolve("config");
  }

  Path logs() {
    return root.resolve("logs");
  }

  Path data() {
    return root.resolve("data");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  /**
   * An empty folder: the native libraries are not published, and pointing here keeps the node
   * quiet.
   */
  Path nativeLibs() {
    return root.resolve("native");
  }

  Path portsFile() {
    return logs().resolve("http.ports");
  }

  Path consoleLog() {
    return logs().resolve("console.log");
  }

  Path nodeLog() {
    return logs().resolve("node.log");
  }

  /** The last lines of the console output and of the node's log, for error messages. */
  String tailOfLogs(int lines) {
    var text = new StringBuilder();
    for (var log : List.of(consoleLog(), nodeLog())) {
      text.append("--- ").append(log).append(" (last ").append(lines).append(" lines) ---\n");
      for (var line : tail(log, lines)) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }

  void delete() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete Elasticsearch home " + root, e);
    }
  }

  private void layOut(Distribution distribution) throws IOException {
    for (var dir : List.of(config(), logs(), tmp(), nativeLibs(), data())) {
      Files.createDirectories(dir);
    }
    if (distribution.version().engine() == Engine.ELASTICSEARCH) {
      installNettyModule(distribution);
    }
    writeLogConfig();
  }

  private void installNettyModule(Distribution distribution) throws IOException {
    var moduleDir = Files.createDirectories(root.resolve("modules").resolve("transport-netty4"));
    for (var jar : distribution.nettyModuleJars()) {
      Files.copy(jar, moduleDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    // The server runs on the classpath, not as a named module: drop the descriptor's module name.
    try (var jar = new JarFile(distribution.nettyModuleJar().toFile())) {
      var entry = jar.getEntry(NETTY_DESCRIPTOR);
      if (entry == null) {
        throw new IOException(NETTY_DESCRIPTOR + " not found in " + distribution.nettyModuleJar());
      }
      var descriptor = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      var kept = descriptor.lines().filter(line -> !line.startsWith("modulename=")).toList();
      Files.write(moduleDir.resolve("plugin-descriptor.properties"), kept, StandardCharsets.UTF_8);
    }
  }

  private void writeLogConfig() throws IOException {
    var lines =
        List.of(
            "status = error",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + nodeLog().toAbsolutePath(),
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.file.ref = file",
            // The server reroutes System.out/err through these loggers.
            "logger.stdout.name = stdout",
            "logger.stdout.level = info",
            "logger.stderr.name = stderr",
            "logger.stderr.level = warn");
    Files.write(config().resolve("log4j2.properties"), lines, StandardCharsets.UTF_8);
  }

  /** Writes the settings the node reads at its next start ({@link NodeSettings} makes them). */
  void writeSettings(Map<String, String> settings) throws IOException {
    var properties = new Properties();
    properties.putAll(settings);
    try (Writer writer =
        Files.newBufferedWriter(config().resolve(NodeMain.SETTINGS_FILE), StandardCharsets.UTF_8)) {
      properties.store(writer, "Node settings written by Sightline");
    }
  }

  private static List<String> tail(Path log, int lines) {
    if (!Files.isRegularFile(log)) {
      return List.of("(no file)");
    }
    try {
      var all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
  }
}
