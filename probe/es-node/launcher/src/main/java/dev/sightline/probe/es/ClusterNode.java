package dev.sightline.probe.es;

import java.net.URI;
import java.nio.file.Path;

/**
 * One member of an {@link ElasticsearchCluster}: its name, its fixed HTTP address, its JVM, and the
 * faults a test inflicts on it. A stopped or killed node keeps its data and ports, and {@link
 * #restart} brings it back on them.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
public final class ClusterNode {

  private final ElasticsearchCluster cluster;
  private final String name;
  private final URI url;
  private final NodeProcess process;

  ClusterNode(ElasticsearchCluster cluster, String name, URI url, NodeProcess process) {
    this.cluster = cluster;
    this.name = name;
    this.url = url;
    this.process = process;
  }

  /** {@code node-1}, {@code node-2}, …: the node's {@code node.name}. */
  public String name() {
    return name;
  }

  /** The HTTP address; the same after a restart. */
  public URI url() {
    return url;
  }

  /** The node's current (or last) JVM. */
  public ProcessHandle process() {
    return process.handle();
  }

  public Path home() {
    return process.home().root();
  }

  public boolean isRunning() {
    return process.isRunning();
  }

  /** {@code kill -9}: the node gets no chance to leave the cluster or flush anything. */
  public void kill() {
    process.kill();
  }

  /** Stops the node cleanly (SIGTERM), as a rolling restart does; its data stays. */
  public void stop() {
    process.stop();
  }

  /**
   * Starts a stopped or killed node again on its data folder and ports; returns once it answers
   * HTTP and the cluster counts every running node again (its shards may still be recovering: wait
   * for the health you need).
   */
  public void restart() {
    process.launch();
    try {
      var timeout = cluster.options().startTimeout();
      process.awaitUrl(timeout);
      process.awaitHealth(url, "wait_for_nodes=" + cluster.runningCount(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restarting " + name, e);
    } catch (RuntimeException e) {
      throw new NodeStartException(
          name + " did not rejoin the cluster: " + e.getMessage() + "\n" + process.tailOfLogs(), e);
    }
  }

  NodeProcess nodeProcess() {
    return process;
  }

  @Override
  public String toString() {
    return name + " (" + url + (isRunning() ? "" : ", not running") + ")";
  }
}
