package dev.sightline.exporter.schema;

import java.util.List;
import java.util.stream.Stream;

/** Every index the exporter writes, and the settings it creates them with. */
public record ReadModelSchema(String prefix, int numberOfShards, int numberOfReplicas) {

  /**
   * The field every document a record changes carries: the highest record position merged into it
   * (each index's {@code POSITION}). A search that returns a document with {@code position ≥ p}
   * shows the changes of record p (docs/latency.md).
   */
  public static final String POSITION = "position";

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

  /** Every name the exporter creates for a prefix: each index and its template. */
  public static List<String> names(String prefix) {
    return INDICES.stream()
        .flatMap(index -> Stream.of(index.indexName(prefix), index.templateName(prefix)))
        .toList();
  }

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
