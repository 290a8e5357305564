package dev.sightline.probe.compare;

import dev.sightline.probe.es.ElasticsearchVersion;
import dev.sightline.probe.workload.WorkloadSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a comparison runs: the workload (the same for every variant), where Elasticsearch is (an
 * embedded node unless a URL is given), where the results go, and how long to wait for the last
 * records to show.
 */
public record CompareOptions(
    WorkloadSpec workload,
    Optional<URI> elasticsearch,
    ElasticsearchVersion elasticsearchVersion,
    String elasticsearchHeap,
    Path outputRoot,
    ExporterJars jars,
    Duration drainTimeout) {

  /** The settings as the report lists them. */
  public Map<String, String> describe() {
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
        "elasticsearch",
        elasticsearch
            .map(URI::toString)
            .orElse("embedded " + elasticsearchVersion + ", heap " + elasticsearchHeap));
    settings.put("java", Runtime.version().toString());
    settings.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
    return settings;
  }
}
