package dev.sightline.exporter.treepath;

import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves an incident's {@link IncidentScope}. Incidents of 8.6+ brokers carry the engine's tree
 * fields: each level of {@code elementInstancePath} is a process instance followed by the element
 * instances inside it down to the next level's call activity (or, last, down to the incident's
 * element). Older incidents get their process instance's known path (cache, batch, index), and each
 * element instance on it its known flow-node path, which names the enclosing sub-processes.
 */
final class IncidentScopes {

  private static final String PROCESS_INSTANCE = "PI_";
  private static final String FLOW_NODE_INSTANCE = "FNI_";

  private IncidentScopes() {}

  static IncidentScope resolve(IncidentRecordValue value, TreePathResolver resolver) {
    var processInstanceKey = value.getProcessInstanceKey();
    var elementInstanceKey = value.getElementInstanceKey();
    var onElement = elementInstanceKey > 0 && elementInstanceKey != processInstanceKey;
    var instancePath = value.getElementInstancePath();
    String processPath;
    var processKeys = new ArrayList<Long>();
    Set<Long> flowNodeKeys = new LinkedHashSet<>();
    if (instancePath != null
        && !instancePath.isEmpty()
        && instancePath.stream().noneMatch(List::isEmpty)) {
      processPath =
          resolver.processPathFromEngine(
              instancePath,
              value.getProcessDefinitionPath(),
              value.getCallingElementPath(),
              value.getProcessDefinitionKey(),
              value.getBpmnProcessId());
      for (var level : instancePath) {
        processKeys.add(level.getFirst());
        flowNodeKeys.addAll(level.subList(1, level.size()));
      }
    } else {
      processPath =
          resolver.processPathOrFallback(
              processInstanceKey, value.getProcessDefinitionKey(), value.getBpmnProcessId());
      processKeys.addAll(keys(processPath, PROCESS_INSTANCE));
      for (var callActivity : keys(processPath, FLOW_NODE_INSTANCE)) {
        flowNodeKeys.addAll(scopeChain(callActivity, resolver));
      }
      if (onElement) {
        flowNodeKeys.addAll(scopeChain(elementInstanceKey, resolver));
      }
    }
    if (onElement) {
      flowNodeKeys.add(elementInstanceKey);
    }
    var treePath =
        onElement
            ? processPath + "/FN_" + value.getElementId() + "/FNI_" + elementInstanceKey
            : processPath;
    return new IncidentScope(treePath, processKeys, List.copyOf(flowNodeKeys));
  }

  /**
   * The element instance and its flow scopes below the process instance, from its flow-node path if
   * known.
   */
  private static List<Long> scopeChain(long elementInstanceKey, TreePathResolver resolver) {
    return resolver
        .knownFlowNode(elementInstanceKey)
        .map(node -> numbers(node.treePath()))
        .map(keys -> keys.subList(1, keys.size()))
        .orElse(List.of(elementInstanceKey));
  }

  private static List<Long> keys(String treePath, String prefix) {
    var keys = new ArrayList<Long>();
    for (var segment : treePath.split("/")) {
      if (segment.startsWith(prefix)) {
        keys.add(Long.parseLong(segment.substring(prefix.length())));
      }
    }
    return keys;
  }

  private static List<Long> numbers(String flowNodePath) {
    var keys = new ArrayList<Long>();
    for (var segment : flowNodePath.split("/")) {
      keys.add(Long.parseLong(segment));
    }
    return keys;
  }
}
