package dev.sightline.probe.es;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One node's JVM and its home folder, the part a single node and a cluster member share: launched,
 * stopped (keeping its data), killed with SIGKILL, launched again on the same folder, closed
 * (stopped and its folder deleted).
 *
 * <p>No node outlives this JVM: a shutdown hook closes every node not closed yet, and a node exits
 * by itself when this JVM dies however it dies (even {@code kill -9}), because it watches its
 * standard input, a pipe only this JVM holds open ({@link NodeMain}).
 *
 * <p>Thread-safety: every method may be called from any thread; close is idempotent.
 */
final class NodeProcess implements AutoCloseable {

  private static final String RUN_ID_ENV = "SIGHTLINE_RUN_ID";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int LOG_TAIL_LINES = 40;
  private static final Set<NodeProcess> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(OPEN).forEach(NodeProcess::close), "es-nodes-stop"));
  }

  private final NodeOptions options;
  private final Distribution distribution;
  private final NodeHome home;
  private volatile Process process;
  private volatile OutputStream parentLifeline;
  private volatile boolean closed;

  private NodeProcess(NodeOptions options, Distribution distribution, NodeHome home) {
    this.options = options;
    this.distribution = distribution;
    this.home = home;
  }

  /** Prepares a fresh home folder named after {@code name} with these settings; no JVM yet. */
  static NodeProcess prepare(
      NodeOptions options, Distribution distribution, String name, SettingsMaker settings) {
    try {
      var home = NodeHome.create(options, distribution, name);
      try {
        home.writeSettings(settings.settingsFor(home));
      } catch (IOException | RuntimeException e) {
        home.delete();
        throw e;
      }
      var node = new NodeProcess(options, distribution, home);
      OPEN.add(node);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot prepare a home folder for " + options.version().displayName(), e);
    }
  }

  /** The settings a node is started with, made once its folder exists. */
  interface SettingsMaker {
    Map<String, String> settingsFor(NodeHome home);
  }

  NodeHome home() {
    return home;
  }

  EngineVersion version() {
    return options.version();
  }

  /** The current (or last) JVM of the node. */
  ProcessHandle handle() {
    var current = process;
    if (current == null) {
      throw new IllegalStateException("never launched");
    }
    return current.toHandle();
  }

  boolean isRunning() {
    var current = process;
    return current != null && current.isAlive();
  }

  /** Starts the node's JVM on its home folder (again, after {@link #stop} or {@link #kill}). */
  synchronized void launch() {
    requireOpen();
    if (isRunning()) {
      throw new IllegalStateException("node is running; stop() or kill() it first");
    }
    try {
      Files.deleteIfExists(home.portsFile());
      process = start();
      parentLifeline = process.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot launch the " + options.version().displayName() + " JVM", e);
    }
  }

  /** Rewrites the settings for the next {@link #launch}. */
  synchronized void rewriteSettings(SettingsMaker settings) {
    requireOpen();
    try {
      home.writeSettings(settings.settingsFor(home));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the settings in " + home.root(), e);
    }
  }

  /** Waits until the node published its HTTP address and returns it. */
  URI awaitUrl(Duration timeout) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    List<String> ports;
    while ((ports = readPorts()).isEmpty()) {
      requireAlive();
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no HTTP port published within " + timeout);
      }
      Thread.sleep(POLL.toMillis());
    }
    return URI.create("http://" + ports.getFirst());
  }

  /**
   * Asks {@code url} for the cluster health with {@code conditions} (e.g. {@code
   * wait_for_status=green&wait_for_nodes=3}), letting the node wait up to {@code timeout}.
   *
   * @throws IllegalStateException if the conditions were not met in time
   */
  void awaitHealth(URI url, String conditions, Duration timeout) throws InterruptedException {
    var seconds = Math.max(1, timeout.toSeconds());
    try {
      var answer =
          NodeHttp.get(
              url,
              "/_cluster/health?"
                  + conditions
                  + "&timeout="
                  + seconds
                  + "s&master_timeout="
                  + seconds
                  + "s",
              timeout.plusSeconds(5));
      if (!answer.ok() || answer.body().contains("\"timed_out\":true")) {
        throw new IllegalStateException(
            "cluster health ("
                + conditions
                + ") answered "
                + answer.status()
                + ": "
                + answer.body());
      }
    } catch (IOException e) {
      requireAlive();
      throw new UncheckedIOException("cluster health request to " + url + " failed", e);
    }
  }

  /**
   * Stops the node like an outage would, keeping its data: SIGTERM (the node closes cleanly), then
   * SIGKILL after 20 s.
   */
  synchronized void stop() {
    requireOpen();
    stopProcess();
  }

  /** {@code kill -9}: the node gets no chance to close anything; its data stays. */
  synchronized void kill() {
    requireOpen();
    var current = process;
    if (current == null) {
      return;
    }
    current.destroyForcibly();
    try {
      current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeLifeline();
    }
  }

  /** The last lines of the node's console and log, for error messages. */
  String tailOfLogs() {
    return home.tailOfLogs(LOG_TAIL_LINES);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    OPEN.remove(this);
    try {
      stopProcess();
    } finally {
      home.delete();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("node closed");
    }
  }

  private void requireAlive() {
    var current = process;
    if (current != null && !current.isAlive()) {
      throw new IllegalStateException("the node JVM exited with code " + current.exitValue());
    }
  }

  private void stopProcess() {
    var current = process;
    if (current == null) {
      return;
    }
    announcePlannedStop();
    current.destroy();
    try {
      if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        current.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      closeLifeline();
    }
  }

  /**
   * Tells the node this stop is on purpose, so the closing pipe does not look like its parent dying
   * (the parent keeps or deletes the folder itself).
   */
  private void announcePlannedStop() {
    try {
      parentLifeline.write(NodeMain.PLANNED_STOP);
      parentLifeline.flush();
    } catch (IOException e) {
      // The node is gone already.
    }
  }

  private void closeLifeline() {
    try {
      parentLifeline.close();
    } catch (IOException e) {
      // The process is gone: its end of the pipe is closed already.
    }
  }

  private Process start() throws IOException {
    var classpath =
        Stream.concat(Stream.of(probeClasses()), distribution.serverJars().stream())
            .map(Path::toString)
            .collect(Collectors.joining(java.io.File.pathSeparator));
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xms" + options.heap(),
            "-Xmx" + options.heap(),
            "-XX:+UseG1GC",
            "-XX:-UsePerfData",
            "-Dfile.encoding=UTF-8",
            "-Djava.io.tmpdir=" + home.tmp(),
            "-Des.nativelibs.path=" + home.nativeLibs(),
            "-Dlog4j2.disable.jmx=true",
            "-Dlog4j.shutdownHookEnabled=false",
            "--enable-native-access=ALL-UNNAMED",
            "-D" + ElasticsearchNode.RUN_MARKER_PROPERTY + "=" + runId()));
    if (Runtime.version().feature() >= 23) {
      // Netty still uses sun.misc.Unsafe; newer JDKs warn about it on every start.
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(
        List.of(
            "-cp",
            classpath,
            NodeMain.class.getName(),
            options.version().engine().id(),
            home.root().toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(home.consoleLog().toFile()))
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  /** The folder or jar holding {@link NodeMain}; it contains no library, so it adds no jar hell. */
  private static Path probeClasses() {
    try {
      return Path.of(NodeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot locate the classes of " + NodeMain.class.getName(), e);
    }
  }

  private static String runId() {
    var id = System.getenv(RUN_ID_ENV);
    return id == null || id.isBlank() ? "interactive" : id;
  }

  private List<String> readPorts() {
    if (!Files.isRegularFile(home.portsFile())) {
      return List.of();
    }
    try {
      return Files.readAllLines(home.portsFile(), StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
