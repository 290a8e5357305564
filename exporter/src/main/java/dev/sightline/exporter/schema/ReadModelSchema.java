package dev.sightline.exporter.schema;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every index the exporter writes, and the settings it creates them with.
 *
 * @param indices the current version of each index: {@link #INDICES} in production; a test may give
 *     a list in which an index is at another version, to upgrade to it
 */
public record ReadModelSchema(
    String prefix, int numberOfShards, int numberOfReplicas, List<IndexDescriptor> indices) {

  /**
   * The field every document a record changes carries: the highest record position merged into it
   * (each index's {@code POSITION}). A search that returns a document with {@code position ≥ p}
   * shows the changes of record p (docs/latency.md).
   */
  public static final String POSITION = "position";

  /** The partition a document belongs to (absent on process definitions, which all share). */
  public static final String PARTITION_ID = "partitionId";

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

  public ReadModelSchema {
    indices = List.copyOf(indices);
    if (indices.stream().map(IndexDescriptor::name).distinct().count() != indices.size()) {
      throw new IllegalArgumentException("one descriptor per index name: " + indices);
    }
  }

  /** The production schema: every index at its current version. */
  public ReadModelSchema(String prefix, int numberOfShards, int numberOfReplicas) {
    this(prefix, numberOfShards, numberOfReplicas, INDICES);
  }

  /** Every name the exporter creates for a prefix: each index and its template. */
  public static List<String> names(String prefix) {
    return INDICES.stream()
        .flatMap(index -> Stream.of(index.indexName(prefix), index.templateName(prefix)))
        .toList();
  }

  /**
   * The name of the index {@code descriptor} stands for, at this schema's version of it: handlers
   * name an index by its production descriptor, and write whatever version the schema holds.
   */
  public String indexName(IndexDescriptor descriptor) {
    return current(descriptor).indexName(prefix);
  }

  /** This schema's descriptor of the index {@code descriptor} names. */
  public IndexDescriptor current(IndexDescriptor descriptor) {
    for (var index : indices) {
      if (index.name().equals(descriptor.name())) {
        return index;
      }
    }
    throw new IllegalArgumentException("no index " + descriptor.name() + " in " + indices);
  }

  public String settingsJson() {
    return "{\"number_of_shards\":"
        + numberOfShards
        + ",\"number_of_replicas\":"
        + numberOfReplicas
        + "}";
  }
}
