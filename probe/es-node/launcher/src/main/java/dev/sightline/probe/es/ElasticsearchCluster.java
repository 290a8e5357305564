package dev.sightline.probe.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A real Elasticsearch or OpenSearch cluster on loopback: each node in a JVM of its own, with its
 * own data folder, fixed HTTP and transport ports, the other nodes' transport addresses as seed
 * hosts, and every node eligible as master; the nodes discover each other and elect a master as in
 * production.
 *
 * <p>{@link #start} returns once every node has joined and the health is green. {@link #close}
 * stops every node and deletes their folders; nodes also stop when this JVM dies, however it dies
 * (see {@link ElasticsearchNode}). Faults: {@link ClusterNode#kill}, {@link ClusterNode#stop},
 * {@link ClusterNode#restart}; where things are: {@link #master}, {@link #primaryOf}, {@link
 * #health}.
 *
 * <p>Thread-safety: every method may be called from any thread; close is idempotent.
 */
public final class ElasticsearchCluster implements AutoCloseable {

  /** The most nodes {@link #start} accepts: more would not fit a small test machine anyway. */
  public static final int MAX_NODES = 9;

  private static final Duration QUESTION_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

  private final NodeOptions options;
  private final List<ClusterNode> nodes = new ArrayList<>();
  private volatile Duration startDuration;

  private ElasticsearchCluster(NodeOptions options) {
    this.options = options;
  }

  /**
   * Starts {@code size} nodes of {@code options} (heap, settings and start timeout apply to each)
   * and waits until all have joined and the health is green.
   */
  public static ElasticsearchCluster start(NodeOptions options, int size) {
    if (size < 1 || size > MAX_NODES) {
      throw new IllegalArgumentException(
          "size must be from 1 to " + MAX_NODES + ", but was " + size);
    }
    var startedAt = System.nanoTime();
    var cluster = new ElasticsearchCluster(options);
    var layout =
        ClusterLayout.onFreePorts(
            "sightline-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()), size);
    var distribution = Distribution.of(options.version());
    try {
      for (int i = 0; i < size; i++) {
        var index = i;
        var process =
            NodeProcess.prepare(
                options,
                distribution,
                layout.nodeName(index),
                home -> NodeSettings.member(home, options, layout, index));
        cluster.nodes.add(
            new ClusterNode(
                cluster,
                layout.nodeName(index),
                URI.create("http://127.0.0.1:" + layout.httpPort(index)),
                process));
      }
      cluster.nodes.forEach(node -> node.nodeProcess().launch());
      cluster.awaitFormed(options.startTimeout());
      cluster.startDuration = Duration.ofNanos(System.nanoTime() - startedAt);
      return cluster;
    } catch (RuntimeException | InterruptedException e) {
      var message = new StringBuilder();
      message
          .append("A cluster of ")
          .append(size)
          .append(" ")
          .append(options.version().displayName())
          .append(" nodes did not reach green health: ")
          .append(e.getMessage());
      for (var node : cluster.nodes) {
        message.append("\n=== ").append(node.name()).append('\n');
        message.append(node.nodeProcess().tailOfLogs());
      }
      cluster.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new NodeStartException(message.toString(), e);
    }
  }

  public EngineVersion version() {
    return options.version();
  }

  /** Time from {@link #start} until every node had joined and the health was green. */
  public Duration startDuration() {
    return startDuration;
  }

  /** Every node, in the order of their names; stopped ones too. */
  public List<ClusterNode> nodes() {
    return List.copyOf(nodes);
  }

  /** The node named {@code name} ({@code node-1}, …). */
  public ClusterNode node(String name) {
    return named(name)
        .orElseThrow(() -> new IllegalArgumentException("no node named '" + name + "'"));
  }

  private Optional<ClusterNode> named(String name) {
    return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
  }

  /** Every node's HTTP address, e.g. for a client's node list. */
  public List<URI> urls() {
    return nodes.stream().map(ClusterNode::url).toList();
  }

  /**
   * The elected master, if every running node names the same one: empty while an election is
   * pending or the nodes disagree (one has not noticed the old master's loss yet).
   */
  public Optional<ClusterNode> master() {
    String agreed = null;
    for (var node : running()) {
      var answer = ask(node, "/_cat/master?h=node&local=true");
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      var name = answer.get().strip();
      if (agreed != null && !agreed.equals(name)) {
        return Optional.empty();
      }
      agreed = name;
    }
    return agreed == null ? Optional.empty() : named(agreed);
  }

  /**
   * The node holding the started primary copy of shard {@code shard} of {@code index}; empty if
   * that primary is not started (unassigned, initialising) or no node answers.
   */
  public Optional<ClusterNode> primaryOf(String index, int shard) {
    for (var node : running()) {
      var answer = ask(node, "/_cat/shards/" + index + "?h=shard,prirep,state,node");
      if (answer.isEmpty()) {
        continue;
      }
      return startedPrimary(answer.get(), shard).flatMap(this::named);
    }
    return Optional.empty();
  }

  /**
   * The node name of shard {@code shard}'s started primary in a {@code _cat/shards?h=shard,prirep,
   * state,node} answer.
   */
  static Optional<String> startedPrimary(String catShards, int shard) {
    return catShards
        .lines()
        .map(line -> line.strip().split("\\s+"))
        .filter(columns -> columns.length >= 4)
        .filter(columns -> columns[0].equals(Integer.toString(shard)))
        .filter(columns -> columns[1].equals("p") && columns[2].equals("STARTED"))
        .map(columns -> columns[3])
        .findFirst();
  }

  /** The health as the first running node that answers sees it. */
  public HealthStatus health() {
    for (var node : running()) {
      var answer = ask(node, "/_cluster/health");
      var status = answer.map(STATUS::matcher).filter(java.util.regex.Matcher::find);
      if (status.isPresent()) {
        return HealthStatus.parse(status.get().group(1));
      }
    }
    throw new IllegalStateException("no running node answered the health request");
  }

  /**
   * Waits until the health is {@code status} or better, with every running node joined.
   *
   * @throws IllegalStateException if it is not within {@code timeout}
   */
  public void awaitHealth(HealthStatus status, Duration timeout) {
    var node =
        running().stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no node is running"));
    try {
      node.nodeProcess()
          .awaitHealth(
              node.url(),
              "wait_for_status=" + status.id() + "&wait_for_nodes=" + runningCount(),
              timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + status.id(), e);
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (var node : nodes) {
      try {
        node.nodeProcess().close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  NodeOptions options() {
    return options;
  }

  int runningCount() {
    return running().size();
  }

  private List<ClusterNode> running() {
    return nodes.stream().filter(ClusterNode::isRunning).toList();
  }

  private void awaitFormed(Duration timeout) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    // A node publishes its HTTP port once it has joined a cluster (or given up waiting for one).
    for (var node : nodes) {
      node.nodeProcess().awaitUrl(remaining(deadline));
    }
    var first = nodes.getFirst();
    first
        .nodeProcess()
        .awaitHealth(
            first.url(),
            "wait_for_status=green&wait_for_nodes=" + nodes.size(),
            remaining(deadline));
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(
        Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
  }

  /** A plain-text answer of {@code node}, or empty if it gave none (down, no master, error). */
  private static Optional<String> ask(ClusterNode node, String pathAndQuery) {
    try {
      var answer = NodeHttp.get(node.url(), pathAndQuery, QUESTION_TIMEOUT);
      return answer.ok() ? Optional.of(answer.body()) : Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
