package dev.sightline.exporter.schema;

import java.util.List;

/**
 * One document per variable, id = {@code <scopeKey>-<name>}: a variable is unique by its scope and
 * name, and the scope key carries the partition, so ids of different partitions never collide.
 */
public final class VariableIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field NAME = Field.keyword("name");
  public static final Field VALUE = Field.boundedKeyword("value");
  public static final Field FULL_VALUE = Field.storedOnly("fullValue");
  public static final Field IS_PREVIEW = Field.bool("isPreview");
  public static final Field SCOPE_KEY = Field.longField("scopeKey");
  public static final Field PROCESS_INSTANCE_KEY = Field.longField("processInstanceKey");
  public static final Field PROCESS_DEFINITION_KEY = Field.longField("processDefinitionKey");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field TENANT_ID = Field.keyword("tenantId");
  public static final Field PARTITION_ID = Field.integer("partitionId");
  public static final Field POSITION = Field.longField("position");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "variable",
          1,
          List.of(
              KEY,
              NAME,
              VALUE,
              FULL_VALUE,
              IS_PREVIEW,
              SCOPE_KEY,
              PROCESS_INSTANCE_KEY,
              PROCESS_DEFINITION_KEY,
              BPMN_PROCESS_ID,
              TENANT_ID,
              PARTITION_ID,
              POSITION));

  private VariableIndex() {}
}
