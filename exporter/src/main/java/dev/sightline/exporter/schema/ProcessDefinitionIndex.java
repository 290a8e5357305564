package dev.sightline.exporter.schema;

import java.util.List;

/**
 * One document per deployed process, id = process definition key. Every partition that sees the
 * deployment writes the same content, so it has no partition or position field; exporters of other
 * partitions read {@code callActivityIds} and {@code elementNames} back from here.
 */
public final class ProcessDefinitionIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field VERSION = Field.integer("version");
  public static final Field VERSION_TAG = Field.keyword("versionTag");
  public static final Field NAME = Field.keyword("name");
  public static final Field RESOURCE_NAME = Field.keyword("resourceName");
  public static final Field BPMN_XML = Field.storedOnly("bpmnXml");
  public static final Field ELEMENT_NAMES = Field.storedObject("elementNames");
  public static final Field CALL_ACTIVITY_IDS = Field.keyword("callActivityIds");
  public static final Field TENANT_ID = Field.keyword("tenantId");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "process-definition",
          1,
          List.of(
              KEY,
              BPMN_PROCESS_ID,
              VERSION,
              VERSION_TAG,
              NAME,
              RESOURCE_NAME,
              BPMN_XML,
              ELEMENT_NAMES,
              CALL_ACTIVITY_IDS,
              TENANT_ID));

  private ProcessDefinitionIndex() {}
}
