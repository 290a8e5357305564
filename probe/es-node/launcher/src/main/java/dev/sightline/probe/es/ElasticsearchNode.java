package dev.sightline.probe.es;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Elasticsearch node in a JVM of its own, started from the jars Maven resolved at build
 * time, bound to 127.0.0.1 on free ports, with its data in a fresh temporary folder.
 *
 * <p>{@link #start} returns once the cluster health is green. {@link #close} stops the node
 * (SIGTERM, then a kill after a timeout) and deletes the folder. The node also exits by itself when
 * this JVM dies, however it dies: it watches its standard input, which only this JVM holds open.
 *
 * <p>Thread-safety: start and close may be called from any thread; close is idempotent.
 */
public final class ElasticsearchNode implements AutoCloseable {

  /** Marks node command lines, so a test run can check that it left no node behind. */
  public static final String RUN_MARKER_PROPERTY = "sightline.run";

  private static final String RUN_ID_ENV = "SIGHTLINE_RUN_ID";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int LOG_TAIL_LINES = 40;
  private static final Set<ElasticsearchNode> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(OPEN).forEach(ElasticsearchNode::close), "es-nodes-stop"));
  }

  private final NodeOptions options;
  private final Distribution distribution;
  private final NodeHome home;
  private volatile Process process;
  private volatile OutputStream parentLifeline;
  private volatile URI url;
  private volatile Duration startDuration;
  private volatile boolean closed;

  private ElasticsearchNode(
      NodeOptions options, Distribution distribution, NodeHome home, Process process) {
    this.options = options;
    this.distribution = distribution;
    this.home = home;
    this.process = process;
    this.parentLifeline = process.getOutputStream();
  }

  /** Starts a node and waits until it is green. */
  public static ElasticsearchNode start(NodeOptions options) {
    var startedAt = System.nanoTime();
    var distribution = Distribution.of(options.version());
    NodeHome home;
    try {
      home = NodeHome.create(options, distribution);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot prepare a home folder for Elasticsearch " + options.version(), e);
    }
    Process process;
    try {
      process = launch(options, distribution, home);
    } catch (IOException e) {
      home.delete();
      throw new UncheckedIOException(
          "Cannot launch the Elasticsearch " + options.version() + " JVM", e);
    }
    var node = new ElasticsearchNode(options, distribution, home, process);
    OPEN.add(node);
    try {
      node.awaitGreen(options.startTimeout());
      node.startDuration = Duration.ofNanos(System.nanoTime() - startedAt);
      return node;
    } catch (RuntimeException | InterruptedException e) {
      var message =
          "Elasticsearch "
              + options.version()
              + " did not reach green health: "
              + e.getMessage()
              + "\n"
              + home.tailOfLogs(LOG_TAIL_LINES);
      node.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new NodeStartException(message, e);
    }
  }

  /** The HTTP address, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return url;
  }

  public ElasticsearchVersion version() {
    return options.version();
  }

  /** Time from {@link #start} to green health. */
  public Duration startDuration() {
    return startDuration;
  }

  public Path home() {
    return home.root();
  }

  /** The node's JVM, for tests that check it stops. */
  public ProcessHandle process() {
    return process.toHandle();
  }

  /**
   * Stops the node like an outage would, keeping its data: {@link #restart} brings it back on the
   * same data folder and the same HTTP port.
   */
  public synchronized void stop() {
    if (closed) {
      throw new IllegalStateException("node closed");
    }
    stopProcess();
  }

  /** Starts a stopped node again on its data folder and HTTP port; returns once it is green. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("node closed");
    }
    if (process.isAlive()) {
      throw new IllegalStateException("node is running; stop() it first");
    }
    var sameAddress = options.withSetting("http.port", Integer.toString(url.getPort()));
    try {
      java.nio.file.Files.deleteIfExists(home.portsFile());
      home.rewriteSettings(sameAddress);
      process = launch(sameAddress, distribution, home);
      parentLifeline = process.getOutputStream();
      // Yellow: every primary is back; indices created with replicas stay yellow on one node.
      awaitHealth(sameAddress.startTimeout(), "yellow");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restart Elasticsearch " + options.version(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restarting Elasticsearch", e);
    } catch (RuntimeException e) {
      throw new NodeStartException(
          "Elasticsearch "
              + options.version()
              + " did not come back: "
              + e.getMessage()
              + "\n"
              + home.tailOfLogs(LOG_TAIL_LINES),
          e);
    }
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

  private void stopProcess() {
    announcePlannedStop();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      closeLifeline();
    }
  }

  /**
   * Tells the node this stop is on purpose, so the closing pipe does not look like its parent
   * dying.
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

  private static Process launch(NodeOptions options, Distribution distribution, NodeHome home)
      throws IOException {
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
            "-D" + RUN_MARKER_PROPERTY + "=" + runId()));
    if (Runtime.version().feature() >= 23) {
      // Netty still uses sun.misc.Unsafe; newer JDKs warn about it on every start.
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(List.of("-cp", classpath, NodeMain.class.getName(), home.root().toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(home.consoleLog().toFile())
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

  private void awaitGreen(Duration timeout) throws InterruptedException {
    awaitHealth(timeout, "green");
  }

  private void awaitHealth(Duration timeout, String status) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.isRegularFile(home.portsFile()) || readPorts().isEmpty()) {
      requireAlive();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no HTTP port published within " + timeout);
      }
      Thread.sleep(POLL.toMillis());
    }
    url = URI.create("http://" + readPorts().getFirst());
    var remaining =
        Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var request =
        HttpRequest.newBuilder(
                url.resolve(
                    "/_cluster/health?wait_for_status="
                        + status
                        + "&timeout="
                        + remaining.toSeconds()
                        + "s"))
            .timeout(remaining.plusSeconds(5))
            .GET()
            .build();
    try {
      var response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200 || response.body().contains("\"timed_out\":true")) {
        throw new IllegalStateException(
            "cluster health answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      requireAlive();
      throw new UncheckedIOException("cluster health request to " + url + " failed", e);
    }
  }

  private List<String> readPorts() {
    try {
      return Files.readAllLines(home.portsFile(), StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("the node JVM exited with code " + process.exitValue());
    }
  }
}
