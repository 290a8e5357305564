package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.definition.DefinitionLookup;
import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.schema.ProcessDefinitionIndex;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentReader;
import dev.sightline.exporter.treepath.EntityLookup;
import dev.sightline.exporter.treepath.KnownFlowNode;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an entity for the tree-path resolver, or a deployed process for {@link
 * dev.sightline.exporter.definition.ProcessDefinitions}: in the pending batch (not written yet),
 * else in the index by a real-time GET. A store failure propagates: the record is retried rather
 * than given a wrong path.
 */
public final class BatchThenStoreLookup implements EntityLookup, DefinitionLookup {

  private final Batch batch;
  private final DocumentReader store;
  private final String processInstanceIndex;
  private final String flowNodeInstanceIndex;
  private final String processDefinitionIndex;

  public BatchThenStoreLookup(Batch batch, DocumentReader store, ReadModelSchema schema) {
    this.batch = batch;
    this.store = store;
    this.processInstanceIndex = schema.indexName(ProcessInstanceIndex.DESCRIPTOR);
    this.flowNodeInstanceIndex = schema.indexName(FlowNodeInstanceIndex.DESCRIPTOR);
    this.processDefinitionIndex = schema.indexName(ProcessDefinitionIndex.DESCRIPTOR);
  }

  @Override
  public Optional<DeployedProcess> processDefinition(long processDefinitionKey) {
    var id = Long.toString(processDefinitionKey);
    var pending = batch.pending(new DocumentKey(processDefinitionIndex, id));
    return (pending.isPresent() ? pending : store.get(processDefinitionIndex, id))
        .flatMap(ProcessDefinitionDocument::parse);
  }

  @Override
  public Optional<String> processInstanceTreePath(long processInstanceKey) {
    return find(processInstanceIndex, processInstanceKey)
        .map(fields -> fields.get(ProcessInstanceIndex.TREE_PATH.name()))
        .map(String::valueOf);
  }

  @Override
  public Optional<KnownFlowNode> flowNode(long elementInstanceKey) {
    return find(flowNodeInstanceIndex, elementInstanceKey)
        .filter(fields -> fields.get(FlowNodeInstanceIndex.TREE_PATH.name()) != null)
        .map(
            fields ->
                new KnownFlowNode(
                    String.valueOf(fields.get(FlowNodeInstanceIndex.ELEMENT_ID.name())),
                    String.valueOf(fields.get(FlowNodeInstanceIndex.TREE_PATH.name()))));
  }

  private Optional<Map<String, Object>> find(String index, long key) {
    var id = Long.toString(key);
    var pending = batch.pending(new DocumentKey(index, id));
    if (pending.isPresent() && pending.get().containsKey(ProcessInstanceIndex.TREE_PATH.name())) {
      return pending;
    }
    return store.get(index, id);
  }
}
