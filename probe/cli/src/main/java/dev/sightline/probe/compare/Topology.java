package dev.sightline.probe.compare;

import dev.sightline.probe.es.ElasticsearchLease;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The nodes a run writes to, as an operator would configure them: every node in {@code
 * connect.url}, and indices with one replica when there is more than one node (none on a single
 * node, which could not allocate a replica). The one place a run's replicas are decided, for every
 * exporter, the importer and the raw bulk alike.
 *
 * @param engine the engine and version of the nodes ({@link RunEngine}), e.g. {@code Elasticsearch
 *     9.5.3}
 * @param urls every node's HTTP address: the nodes started, or the URLs given
 */
public record Topology(String engine, List<URI> urls) {

  public Topology {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("a run writes to at least one node");
    }
  }

  /** The nodes of a lease, with their engine detected ({@link RunEngine#of}). */
  public static Topology of(ElasticsearchLease lease) {
    return new Topology(RunEngine.of(lease), lease.urls());
  }

  /**
   * Stands in for the nodes before they start, so that the exporters can check their settings as
   * the run will give them: the URLs given, else {@code nodes} loopback addresses.
   */
  public static Topology beforeStart(List<URI> given, int nodes) {
    var urls =
        given.isEmpty()
            ? IntStream.range(0, nodes)
                .mapToObj(n -> URI.create("http://127.0.0.1:" + (9200 + n)))
                .toList()
            : given;
    return new Topology("(not started)", urls);
  }

  /**
   * Replicas of each index on {@code nodes} nodes: 1 on a cluster, so that losing a node loses no
   * data (as in production); 0 on one node, where a replica could never be allocated.
   */
  public static int replicasFor(int nodes) {
    return nodes > 1 ? 1 : 0;
  }

  public int nodes() {
    return urls.size();
  }

  public int replicas() {
    return replicasFor(nodes());
  }

  /** The node list as {@code connect.url} takes it: comma-separated. */
  public String connectUrl() {
    return urls.stream().map(URI::toString).collect(Collectors.joining(","));
  }

  /** The node the probe's readers ask (any node answers for the cluster). */
  public URI firstNode() {
    return urls.getFirst();
  }

  /**
   * What every exporter of the run (Sightline's, the record-index exporter, the importer's
   * read-model writer) is given about the cluster: {@code connect.url} and {@code
   * index.numberOfReplicas}.
   */
  public Map<String, Object> exporterArgs() {
    var args = new LinkedHashMap<String, Object>();
    args.put("connect.url", connectUrl());
    args.put("index.numberOfReplicas", replicas());
    return args;
  }

  /** {@code Elasticsearch 9.5.3, 3 nodes, 1 replica}; {@code …, 1 node, 0 replicas}. */
  public String describe() {
    return "%s, %d %s, %d %s"
        .formatted(
            engine,
            nodes(),
            nodes() == 1 ? "node" : "nodes",
            replicas(),
            replicas() == 1 ? "replica" : "replicas");
  }
}
