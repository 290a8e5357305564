package dev.sightline.probe.es;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Elasticsearch or OpenSearch node in a JVM of its own, started from the jars Maven resolved
 * at build time, bound to 127.0.0.1 on free ports, with its data in a fresh temporary folder.
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

  private final NodeOptions options;
  private final NodeProcess node;
  private volatile URI url;
  private volatile Duration startDuration;

  private ElasticsearchNode(NodeOptions options, NodeProcess node) {
    this.options = options;
    this.node = node;
  }

  /** Starts a node and waits until it is green. */
  public static ElasticsearchNode start(NodeOptions options) {
    var startedAt = System.nanoTime();
    var process =
        NodeProcess.prepare(
            options,
            Distribution.of(options.version()),
            "",
            home -> NodeSettings.alone(home, options));
    var node = new ElasticsearchNode(options, process);
    try {
      process.launch();
      node.awaitHealth(options.startTimeout(), "green");
      node.startDuration = Duration.ofNanos(System.nanoTime() - startedAt);
      return node;
    } catch (RuntimeException | InterruptedException e) {
      var message =
          options.version().displayName()
              + " did not reach green health: "
              + e.getMessage()
              + "\n"
              + process.tailOfLogs();
      process.close();
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

  public EngineVersion version() {
    return options.version();
  }

  /** Time from {@link #start} to green health. */
  public Duration startDuration() {
    return startDuration;
  }

  public Path home() {
    return node.home().root();
  }

  /** The node's JVM, for tests that check it stops. */
  public ProcessHandle process() {
    return node.handle();
  }

  /**
   * Stops the node like an outage would, keeping its data: {@link #restart} brings it back on the
   * same data folder and the same HTTP port.
   */
  public void stop() {
    node.stop();
  }

  /** Starts a stopped node again on its data folder and HTTP port; returns once it is green. */
  public synchronized void restart() {
    if (node.isRunning()) {
      throw new IllegalStateException("node is running; stop() it first");
    }
    var sameAddress = options.withSetting("http.port", Integer.toString(url.getPort()));
    node.rewriteSettings(home -> NodeSettings.alone(home, sameAddress));
    try {
      node.launch();
      // Yellow: every primary is back; indices created with replicas stay yellow on one node.
      awaitHealth(sameAddress.startTimeout(), "yellow");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while restarting " + options.version().displayName(), e);
    } catch (RuntimeException e) {
      throw new NodeStartException(
          options.version().displayName()
              + " did not come back: "
              + e.getMessage()
              + "\n"
              + node.tailOfLogs(),
          e);
    }
  }

  @Override
  public void close() {
    node.close();
  }

  private void awaitHealth(Duration timeout, String status) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    url = node.awaitUrl(timeout);
    var remaining =
        Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
    node.awaitHealth(url, "wait_for_status=" + status, remaining);
  }
}
