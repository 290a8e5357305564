package dev.sightline.exporter.schema;

import java.util.List;

/**
 * One document per flow-node (element) instance, id = element instance key; sequence flows are not
 * kept.
 */
public final class FlowNodeInstanceIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field PROCESS_INSTANCE_KEY = Field.longField("processInstanceKey");
  public static final Field PROCESS_DEFINITION_KEY = Field.longField("processDefinitionKey");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field ELEMENT_ID = Field.keyword("elementId");
  public static final Field ELEMENT_NAME = Field.keyword("elementName");
  public static final Field TYPE = Field.keyword("type");
  public static final Field STATE = Field.keyword("state");
  public static final Field START_DATE = Field.date("startDate");
  public static final Field END_DATE = Field.date("endDate");
  public static final Field SCOPE_KEY = Field.longField("scopeKey");
  public static final Field TREE_PATH = Field.keyword("treePath");
  public static final Field LEVEL = Field.integer("level");
  public static final Field INCIDENT = Field.bool("incident");
  public static final Field OPEN_INCIDENT_COUNT = Field.longField("openIncidentCount");
  public static final Field OPEN_INCIDENT_KEYS = Field.longField("openIncidentKeys");
  public static final Field INCIDENT_POSITION = Field.longField("incidentPosition");
  public static final Field INCIDENT_COUNT_FROM_KEY = Field.longField("incidentCountFromKey");
  public static final Field TENANT_ID = Field.keyword("tenantId");
  public static final Field PARTITION_ID = Field.integer("partitionId");
  public static final Field POSITION = Field.longField("position");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "flow-node-instance",
          2,
          List.of(
              KEY,
              PROCESS_INSTANCE_KEY,
              PROCESS_DEFINITION_KEY,
              BPMN_PROCESS_ID,
              ELEMENT_ID,
              ELEMENT_NAME,
              TYPE,
              STATE,
              START_DATE,
              END_DATE,
              SCOPE_KEY,
              TREE_PATH,
              LEVEL,
              INCIDENT,
              OPEN_INCIDENT_COUNT,
              OPEN_INCIDENT_KEYS,
              INCIDENT_POSITION,
              INCIDENT_COUNT_FROM_KEY,
              TENANT_ID,
              PARTITION_ID,
              POSITION));

  private FlowNodeInstanceIndex() {}
}
