package dev.sightline.exporter.schema;

import java.util.List;

/** One document per job, id = job key. */
public final class JobIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field TYPE = Field.keyword("type");
  public static final Field WORKER = Field.keyword("worker");
  public static final Field STATE = Field.keyword("state");
  public static final Field RETRIES = Field.integer("retries");
  public static final Field ERROR_MESSAGE = Field.text("errorMessage");
  public static final Field ERROR_CODE = Field.keyword("errorCode");
  public static final Field DEADLINE = Field.date("deadline");
  public static final Field CUSTOM_HEADERS = Field.storedObject("customHeaders");
  public static final Field JOB_KIND = Field.keyword("jobKind");
  public static final Field PROCESS_INSTANCE_KEY = Field.longField("processInstanceKey");
  public static final Field PROCESS_DEFINITION_KEY = Field.longField("processDefinitionKey");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field ELEMENT_INSTANCE_KEY = Field.longField("elementInstanceKey");
  public static final Field ELEMENT_ID = Field.keyword("elementId");
  public static final Field CREATION_TIME = Field.date("creationTime");
  public static final Field END_TIME = Field.date("endTime");
  public static final Field TENANT_ID = Field.keyword("tenantId");
  public static final Field PARTITION_ID = Field.integer("partitionId");
  public static final Field POSITION = Field.longField("position");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "job",
          1,
          List.of(
              KEY,
              TYPE,
              WORKER,
              STATE,
              RETRIES,
              ERROR_MESSAGE,
              ERROR_CODE,
              DEADLINE,
              CUSTOM_HEADERS,
              JOB_KIND,
              PROCESS_INSTANCE_KEY,
              PROCESS_DEFINITION_KEY,
              BPMN_PROCESS_ID,
              ELEMENT_INSTANCE_KEY,
              ELEMENT_ID,
              CREATION_TIME,
              END_TIME,
              TENANT_ID,
              PARTITION_ID,
              POSITION));

  private JobIndex() {}
}
