package dev.sightline.exporter.definition;

import dev.sightline.exporter.util.HeapEstimate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other records need to know of a deployed process: its identity, its name and element names
 * (to name instances, flow nodes and user tasks) and its call activities sorted by id (for
 * treePaths).
 */
public record DeployedProcess(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    Optional<String> name,
    Map<String, String> elementNames,
    List<String> callActivityIds) {

  public DeployedProcess {
    elementNames = Map.copyOf(elementNames);
    callActivityIds = List.copyOf(callActivityIds);
  }

  public DeployedProcess(
      long processDefinitionKey, String bpmnProcessId, int version, ProcessModel model) {
    this(
        processDefinitionKey,
        bpmnProcessId,
        version,
        model.name(),
        model.elementNames(),
        model.callActivityIds());
  }

  /** Without names: what treePaths alone need. */
  public DeployedProcess(
      long processDefinitionKey, String bpmnProcessId, int version, List<String> callActivityIds) {
    this(processDefinitionKey, bpmnProcessId, version, Optional.empty(), Map.of(), callActivityIds);
  }

  /** Heap bytes, roughly (for the bounded cache): the names and call activity ids dominate. */
  public long estimatedBytes() {
    return HeapEstimate.OBJECT
        + HeapEstimate.ofString(bpmnProcessId)
        + HeapEstimate.OBJECT
        + name.map(HeapEstimate::ofString).orElse(0L)
        + HeapEstimate.ofStringMap(elementNames)
        + HeapEstimate.ofStrings(callActivityIds);
  }

  /** The element's name, if the BPMN gives it one. */
  public Optional<String> elementName(String elementId) {
    return Optional.ofNullable(elementNames.get(elementId));
  }
}
