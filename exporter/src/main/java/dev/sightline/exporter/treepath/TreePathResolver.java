package dev.sightline.exporter.treepath;

import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.util.HeapEstimate;
import dev.sightline.exporter.util.LruCache;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes treePaths as Camunda's read model writes them (docs/schema.md), from the engine's tree
 * fields when the record carries them (8.8, on ELEMENT_ACTIVATING) and otherwise from the parent
 * links, as the 8.6 importers did: process instance {@code
 * PI_<root>/FN_<callActivityId>/FNI_<callInstance>/…/PI_<key>}, flow node {@code
 * <piKey>/<scope…>/<key>}.
 *
 * <p>Known process paths and parent flow nodes are cached, each cache bounded by estimated heap
 * bytes (a string costs two bytes a character): a path 1,000 call levels deep is some 60 KB, and
 * costs that much of the budget, not one entry.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
public final class TreePathResolver {

  /**
   * Element types whose instances can be a flow scope or call a child process: their paths are
   * remembered.
   */
  private static final Set<BpmnElementType> PARENTS =
      EnumSet.of(
          BpmnElementType.SUB_PROCESS,
          BpmnElementType.EVENT_SUB_PROCESS,
          BpmnElementType.AD_HOC_SUB_PROCESS,
          BpmnElementType.MULTI_INSTANCE_BODY,
          BpmnElementType.CALL_ACTIVITY);

  private final ProcessDefinitions definitions;
  private final EntityLookup lookup;
  private final TreePathFallback fallback;
  private final LruCache<Long, String> processPaths;
  private final LruCache<Long, KnownFlowNode> flowNodes;

  /**
   * @param cacheBytes the estimated heap each of the two caches (process paths, flow nodes) may
   *     take
   */
  public TreePathResolver(
      ProcessDefinitions definitions,
      EntityLookup lookup,
      TreePathFallback fallback,
      long cacheBytes) {
    this.definitions = definitions;
    this.lookup = lookup;
    this.fallback = fallback;
    this.processPaths =
        LruCache.boundedByBytes(
            cacheBytes, (key, path) -> HeapEstimate.BOXED_NUMBER + HeapEstimate.ofString(path));
    this.flowNodes =
        LruCache.boundedByBytes(
            cacheBytes, (key, node) -> HeapEstimate.BOXED_NUMBER + node.estimatedBytes());
  }

  /** The treePath of the process instance {@code value.getProcessInstanceKey()}. */
  public String processInstancePath(ProcessInstanceRecordValue value) {
    var key = value.getProcessInstanceKey();
    var path =
        value.getElementInstancePath().isEmpty()
            ? derivedProcessPath(value)
            : processPathFromEngine(
                value.getElementInstancePath(),
                value.getProcessDefinitionPath(),
                value.getCallingElementPath(),
                value.getProcessDefinitionKey(),
                value.getBpmnProcessId());
    processPaths.put(key, path);
    return path;
  }

  /** The treePath and level of the flow-node instance {@code elementInstanceKey}. */
  public FlowNodePath flowNodePath(long elementInstanceKey, ProcessInstanceRecordValue value) {
    var paths = value.getElementInstancePath();
    var path =
        paths.isEmpty()
            ? derivedFlowNodePath(elementInstanceKey, value)
            : FlowNodePath.of(join(paths.getLast()));
    if (PARENTS.contains(value.getBpmnElementType())) {
      flowNodes.put(elementInstanceKey, new KnownFlowNode(value.getElementId(), path.treePath()));
    }
    return path;
  }

  /**
   * The incident's treePath (its process instance's, then {@code
   * /FN_<elementId>/FNI_<elementInstanceKey>}) and every process and flow-node instance on the way,
   * whose incident flags it affects.
   */
  public IncidentScope incidentScope(IncidentRecordValue value) {
    return IncidentScopes.resolve(value, this);
  }

  /**
   * A process instance's path from the engine's tree fields (records of 8.8 on ACTIVATING;
   * incidents of 8.6+).
   */
  String processPathFromEngine(
      List<List<Long>> instancePath,
      List<Long> definitionPath,
      List<Integer> callingPath,
      long processDefinitionKey,
      String bpmnProcessId) {
    var path = new StringBuilder();
    for (int level = 0; level < instancePath.size() - 1; level++) {
      var levelKeys = instancePath.get(level);
      path.append("PI_").append(levelKeys.getFirst());
      path.append("/FN_")
          .append(
              callActivityId(
                  levelKeys.getLast(),
                  definitionPath,
                  callingPath,
                  level,
                  processDefinitionKey,
                  bpmnProcessId));
      path.append("/FNI_").append(levelKeys.getLast()).append('/');
    }
    return path.append("PI_").append(instancePath.getLast().getFirst()).toString();
  }

  /**
   * The calling call activity's element id: from its own instance when known (its
   * ELEMENT_ACTIVATING came before the child's, in the same stream), else from the calling
   * definition's sorted call activities. The instance comes first so the path depends on
   * PROCESS_INSTANCE records alone, whatever order other value types are processed in (the two-hop
   * importer reads each value type on its own).
   */
  private String callActivityId(
      long callActivityInstanceKey,
      List<Long> definitionPath,
      List<Integer> callingPath,
      int level,
      long processDefinitionKey,
      String bpmnProcessId) {
    var instance = knownFlowNode(callActivityInstanceKey);
    if (instance.isPresent()) {
      return instance.get().elementId();
    }
    var index = level < callingPath.size() ? callingPath.get(level) : -1;
    if (level < definitionPath.size() && index >= 0) {
      var ids =
          definitions.find(definitionPath.get(level)).map(process -> process.callActivityIds());
      if (ids.isPresent() && index < ids.get().size()) {
        return ids.get().get(index);
      }
    }
    fallback.onFallback(
        TreePathFallback.Kind.CALL_ACTIVITY_ID, processDefinitionKey, bpmnProcessId);
    return String.valueOf(index);
  }

  private String derivedProcessPath(ProcessInstanceRecordValue value) {
    var key = value.getProcessInstanceKey();
    if (value.getParentProcessInstanceKey() <= 0) {
      return "PI_" + key;
    }
    var parentPath = knownProcessPath(value.getParentProcessInstanceKey());
    var callActivity = knownFlowNode(value.getParentElementInstanceKey());
    if (parentPath.isPresent() && callActivity.isPresent()) {
      return parentPath.get()
          + "/FN_"
          + callActivity.get().elementId()
          + "/FNI_"
          + value.getParentElementInstanceKey()
          + "/PI_"
          + key;
    }
    fallback.onFallback(
        TreePathFallback.Kind.PROCESS_INSTANCE,
        value.getProcessDefinitionKey(),
        value.getBpmnProcessId());
    return "PI_" + key;
  }

  private FlowNodePath derivedFlowNodePath(
      long elementInstanceKey, ProcessInstanceRecordValue value) {
    var processInstanceKey = value.getProcessInstanceKey();
    var scopeKey = value.getFlowScopeKey();
    if (scopeKey == processInstanceKey || scopeKey <= 0) {
      return new FlowNodePath(processInstanceKey + "/" + elementInstanceKey, 1);
    }
    var scope = knownFlowNode(scopeKey);
    if (scope.isPresent()) {
      return FlowNodePath.of(scope.get().treePath() + "/" + elementInstanceKey);
    }
    fallback.onFallback(
        TreePathFallback.Kind.FLOW_NODE, value.getProcessDefinitionKey(), value.getBpmnProcessId());
    return new FlowNodePath(processInstanceKey + "/" + elementInstanceKey, 1);
  }

  /** A known process instance's path, else the fallback {@code PI_<key>} (counted). */
  String processPathOrFallback(
      long processInstanceKey, long processDefinitionKey, String bpmnProcessId) {
    var known = knownProcessPath(processInstanceKey);
    if (known.isPresent()) {
      return known.get();
    }
    fallback.onFallback(
        TreePathFallback.Kind.PROCESS_INSTANCE, processDefinitionKey, bpmnProcessId);
    return "PI_" + processInstanceKey;
  }

  Optional<String> knownProcessPath(long processInstanceKey) {
    var cached = processPaths.get(processInstanceKey);
    if (cached.isPresent()) {
      return cached;
    }
    var found = lookup.processInstanceTreePath(processInstanceKey);
    found.ifPresent(path -> processPaths.put(processInstanceKey, path));
    return found;
  }

  Optional<KnownFlowNode> knownFlowNode(long elementInstanceKey) {
    var cached = flowNodes.get(elementInstanceKey);
    if (cached.isPresent()) {
      return cached;
    }
    var found = lookup.flowNode(elementInstanceKey);
    found.ifPresent(node -> flowNodes.put(elementInstanceKey, node));
    return found;
  }

  private static String join(List<Long> keys) {
    var path = new StringBuilder();
    for (var key : keys) {
      if (!path.isEmpty()) {
        path.append('/');
      }
      path.append(key);
    }
    return path.toString();
  }
}
