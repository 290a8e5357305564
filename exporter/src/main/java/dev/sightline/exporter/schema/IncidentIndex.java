package dev.sightline.exporter.schema;

import java.util.List;

/**
 * One document per incident, id = incident key. It carries the keys of every process instance and
 * flow-node instance its treePath passes through, which is what the incident flags on those
 * documents are derived from.
 */
public final class IncidentIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field ERROR_TYPE = Field.keyword("errorType");
  public static final Field ERROR_MESSAGE = Field.text("errorMessage");
  public static final Field STATE = Field.keyword("state");
  public static final Field CREATION_TIME = Field.date("creationTime");
  public static final Field RESOLVED_TIME = Field.date("resolvedTime");
  public static final Field PROCESS_INSTANCE_KEY = Field.longField("processInstanceKey");
  public static final Field PROCESS_DEFINITION_KEY = Field.longField("processDefinitionKey");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field ELEMENT_ID = Field.keyword("elementId");
  public static final Field ELEMENT_INSTANCE_KEY = Field.longField("elementInstanceKey");
  public static final Field JOB_KEY = Field.longField("jobKey");
  public static final Field TREE_PATH = Field.keyword("treePath");
  public static final Field PROCESS_INSTANCE_KEYS = Field.longField("processInstanceKeys");
  public static final Field FLOW_NODE_INSTANCE_KEYS = Field.longField("flowNodeInstanceKeys");
  public static final Field TENANT_ID = Field.keyword("tenantId");
  public static final Field PARTITION_ID = Field.integer("partitionId");
  public static final Field POSITION = Field.longField("position");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "incident",
          1,
          List.of(
              KEY,
              ERROR_TYPE,
              ERROR_MESSAGE,
              STATE,
              CREATION_TIME,
              RESOLVED_TIME,
              PROCESS_INSTANCE_KEY,
              PROCESS_DEFINITION_KEY,
              BPMN_PROCESS_ID,
              ELEMENT_ID,
              ELEMENT_INSTANCE_KEY,
              JOB_KEY,
              TREE_PATH,
              PROCESS_INSTANCE_KEYS,
              FLOW_NODE_INSTANCE_KEYS,
              TENANT_ID,
              PARTITION_ID,
              POSITION));

  private IncidentIndex() {}
}
