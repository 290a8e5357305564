package dev.sightline.exporter.schema;

import java.util.List;

/** One document per process instance, id = process instance key. */
public final class ProcessInstanceIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field PROCESS_NAME = Field.keyword("processName");
  public static final Field PROCESS_DEFINITION_KEY = Field.longField("processDefinitionKey");
  public static final Field VERSION = Field.integer("version");
  public static final Field STATE = Field.keyword("state");
  public static final Field START_DATE = Field.date("startDate");
  public static final Field END_DATE = Field.date("endDate");
  public static final Field PARENT_PROCESS_INSTANCE_KEY =
      Field.longField("parentProcessInstanceKey");
  public static final Field PARENT_ELEMENT_INSTANCE_KEY =
      Field.longField("parentElementInstanceKey");
  public static final Field TREE_PATH = Field.keyword("treePath");
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
          "process-instance",
          2,
          List.of(
              KEY,
              BPMN_PROCESS_ID,
              PROCESS_NAME,
              PROCESS_DEFINITION_KEY,
              VERSION,
              STATE,
              START_DATE,
              END_DATE,
              PARENT_PROCESS_INSTANCE_KEY,
              PARENT_ELEMENT_INSTANCE_KEY,
              TREE_PATH,
              INCIDENT,
              OPEN_INCIDENT_COUNT,
              OPEN_INCIDENT_KEYS,
              INCIDENT_POSITION,
              INCIDENT_COUNT_FROM_KEY,
              TENANT_ID,
              PARTITION_ID,
              POSITION));

  private ProcessInstanceIndex() {}
}
