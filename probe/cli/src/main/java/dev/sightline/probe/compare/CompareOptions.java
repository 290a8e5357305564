package dev.sightline.probe.compare;

import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.workload.WorkloadSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison runs: the workload (the same for every variant), where the engine is (an
 * embedded node or cluster unless URLs are given), where the results go, and how long to wait for
 * the last records to show.
 *
 * @param elasticsearch the URLs of the nodes of a running Elasticsearch or OpenSearch cluster;
 *     empty: start one
 * @param engineVersion the engine and version of the nodes started when no URL is given
 * @param nodes how many nodes to start when no URL is given: 1 is one node, more a cluster
 * @param elasticsearchHeap the heap of each node started
 */
public record CompareOptions(
    WorkloadSpec workload,
    List<URI> elasticsearch,
    EngineVersion engineVersion,
    int nodes,
    String elasticsearchHeap,
    Path outputRoot,
    ExporterJars jars,
    Duration drainTimeout) {

  public CompareOptions {
    elasticsearch = List.copyOf(elasticsearch);
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, but was " + nodes);
    }
  }

  /**
   * The settings as the report lists them.
   *
   * @param topology the nodes the run ran on
   */
  public Map<String, String> describe(Topology topology) {
    var settings = new LinkedHashMap<String, String>();
    settings.put("instances per second", String.valueOf(workload.instancesPerSecond()));
    settings.put("partitions", String.valueOf(workload.partitions()));
    settings.put("duration (measured)", workload.duration().toString());
    settings.put("warm-up", workload.warmUp().toString());
    settings.put("shape", workload.shape().toString());
    settings.put("worker delay", workload.workerDelay().toString());
    settings.put("payload bytes", String.valueOf(workload.payloadBytes()));
    settings.put("incident rate", String.valueOf(workload.incidentRate()));
    settings.put("seed", String.valueOf(workload.seed()));
    settings.put("engine", where(topology));
    settings.put("nodes", String.valueOf(topology.nodes()));
    settings.put("replicas", String.valueOf(topology.replicas()));
    settings.put("java", Runtime.version().toString());
    settings.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
    return settings;
  }

  /**
   * {@code Elasticsearch 9.5.3, 3 nodes, 1 replica (embedded, heap 1g each)}, or {@code … at
   * <urls>} for nodes given by URL.
   */
  public String where(Topology topology) {
    if (!elasticsearch.isEmpty()) {
      return topology.describe() + " at " + topology.connectUrl();
    }
    return topology.describe()
        + " (embedded, heap "
        + elasticsearchHeap
        + (topology.nodes() == 1 ? ")" : " each)");
  }
}
