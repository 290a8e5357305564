package dev.sightline.exporter.schema;

import java.util.List;

/** Every index the exporter writes, and the settings it creates them with. */
public record ReadModelSchema(String prefix, int numberOfShards, int numberOfReplicas) {

  public static final List<IndexDescriptor> INDICES =
      List.of(
          ProcessInstanceIndex.DESCRIPTOR,
          FlowNodeInstanceIndex.DESCRIPTOR,
          VariableIndex.DESCRIPTOR,
          IncidentIndex.DESCRIPTOR,
          JobIndex.DESCRIPTOR,
          UserTaskIndex.DESCRIPTOR,
          ProcessDefinitionIndex.DESCRIPTOR,
          DeadLetterIndex.DESCRIPTOR);

  public String indexName(IndexDescriptor descriptor) {
    return descriptor.indexName(prefix);
  }

  public String settingsJson() {
    return "{\"number_of_shards\":"
        + numberOfShards
        + ",\"number_of_replicas\":"
        + numberOfReplicas
        + "}";
  }
}
