package dev.sightline.probe.compare;

import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.workload.WorkloadSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a comparison runs: the workload (the same for every variant), where the engine is (an
 * embedded node unless a URL is given), where the results go, and how long to wait for the last
 * records to show.
 *
 * @param elasticsearch the URL of a running Elasticsearch or OpenSearch node; empty: start one
 * @param engineVersion the engine and version of the node started when no URL is given
 */
public record CompareOptions(
    WorkloadSpec workload,
    Optional<URI> elasticsearch,
    EngineVersion engineVersion,
    String elasticsearchHeap,
    Path outputRoot,
    ExporterJars jars,
    Duration drainTimeout) {

  /**
   * The settings as the report lists them.
   *
   * @param engine the engine the run ran on ({@link RunEngine})
   */
  public Map<String, String> describe(String engine) {
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
    settings.put(
        "engine",
        elasticsearch
            .map(url -> engine + " at " + url)
            .orElse(engine + ", embedded, heap " + elasticsearchHeap));
    settings.put("java", Runtime.version().toString());
    settings.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
    return settings;
  }
}
