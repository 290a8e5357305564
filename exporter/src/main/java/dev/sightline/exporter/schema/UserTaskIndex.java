package dev.sightline.exporter.schema;

import java.util.List;

/** One document per user task (Zeebe user tasks, 8.5+), id = user task key. */
public final class UserTaskIndex {

  public static final Field KEY = Field.longField("key");
  public static final Field ELEMENT_ID = Field.keyword("elementId");
  public static final Field NAME = Field.keyword("name");
  public static final Field ASSIGNEE = Field.keyword("assignee");
  public static final Field CANDIDATE_GROUPS = Field.keyword("candidateGroups");
  public static final Field CANDIDATE_USERS = Field.keyword("candidateUsers");
  public static final Field DUE_DATE = Field.date("dueDate");
  public static final Field FOLLOW_UP_DATE = Field.date("followUpDate");
  public static final Field PRIORITY = Field.integer("priority");
  public static final Field FORM_KEY = Field.longField("formKey");
  public static final Field STATE = Field.keyword("state");
  public static final Field PROCESS_INSTANCE_KEY = Field.longField("processInstanceKey");
  public static final Field PROCESS_DEFINITION_KEY = Field.longField("processDefinitionKey");
  public static final Field BPMN_PROCESS_ID = Field.keyword("bpmnProcessId");
  public static final Field ELEMENT_INSTANCE_KEY = Field.longField("elementInstanceKey");
  public static final Field CREATION_DATE = Field.date("creationDate");
  public static final Field COMPLETION_DATE = Field.date("completionDate");
  public static final Field TENANT_ID = Field.keyword("tenantId");
  public static final Field PARTITION_ID = Field.integer("partitionId");
  public static final Field POSITION = Field.longField("position");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "user-task",
          1,
          List.of(
              KEY,
              ELEMENT_ID,
              NAME,
              ASSIGNEE,
              CANDIDATE_GROUPS,
              CANDIDATE_USERS,
              DUE_DATE,
              FOLLOW_UP_DATE,
              PRIORITY,
              FORM_KEY,
              STATE,
              PROCESS_INSTANCE_KEY,
              PROCESS_DEFINITION_KEY,
              BPMN_PROCESS_ID,
              ELEMENT_INSTANCE_KEY,
              CREATION_DATE,
              COMPLETION_DATE,
              TENANT_ID,
              PARTITION_ID,
              POSITION));

  private UserTaskIndex() {}
}
