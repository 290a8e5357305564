package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.UserTaskIndex.*;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.schema.Field;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.UserTaskIndex;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * USER_TASK events (Zeebe user tasks): one document per task. The task's name is its element's name
 * in the BPMN. The {@code …ING} events of 8.8 task listeners are intermediate and not read; {@code
 * state} is {@code CREATED} until COMPLETED or CANCELED. UPDATED writes the attributes it names in
 * {@code changedAttributes} (all of them when it names none), a cleared one as null.
 */
public final class UserTaskHandler implements RecordHandler {

  private static final Set<UserTaskIntent> INTENTS =
      EnumSet.of(
          UserTaskIntent.CREATED,
          UserTaskIntent.ASSIGNED,
          UserTaskIntent.UPDATED,
          UserTaskIntent.COMPLETED,
          UserTaskIntent.CANCELED,
          UserTaskIntent.MIGRATED);

  /**
   * An attribute UPDATED can change: its name in {@code changedAttributes}, its field, its value or
   * null.
   */
  private record Attribute(String name, Field field, Function<UserTaskRecordValue, Object> read) {}

  private static final List<Attribute> UPDATABLE =
      List.of(
          new Attribute(
              "candidateGroupsList",
              CANDIDATE_GROUPS,
              value -> emptyAsNull(value.getCandidateGroupsList())),
          new Attribute(
              "candidateUsersList",
              CANDIDATE_USERS,
              value -> emptyAsNull(value.getCandidateUsersList())),
          new Attribute(
              "dueDate", DUE_DATE, value -> UserTaskDates.iso(value.getDueDate()).orElse(null)),
          new Attribute(
              "followUpDate",
              FOLLOW_UP_DATE,
              value -> UserTaskDates.iso(value.getFollowUpDate()).orElse(null)),
          new Attribute("priority", PRIORITY, UserTaskRecordValue::getPriority));
  private static final List<String> ALL_UPDATABLE =
      UPDATABLE.stream().map(Attribute::name).toList();

  private final String index;
  private final ProcessDefinitions definitions;

  public UserTaskHandler(ReadModelSchema schema, ProcessDefinitions definitions) {
    this.index = schema.indexName(UserTaskIndex.DESCRIPTOR);
    this.definitions = definitions;
  }

  public static Set<UserTaskIntent> intents() {
    return INTENTS;
  }

  @Override
  public ValueType valueType() {
    return ValueType.USER_TASK;
  }

  @Override
  public boolean handles(Record<?> record) {
    return record.getValueType() == ValueType.USER_TASK
        && record.getRecordType() == RecordType.EVENT
        && record.getIntent() instanceof UserTaskIntent intent
        && INTENTS.contains(intent);
  }

  @Override
  public void handle(Record<?> record, Batch batch) {
    var value = (UserTaskRecordValue) record.getValue();
    var fields = new DocumentFields();
    switch ((UserTaskIntent) record.getIntent()) {
      case CREATED -> {
        fields
            .put(KEY, record.getKey())
            .putIfPresent(ASSIGNEE, value.getAssignee())
            .putIfPositive(FORM_KEY, value.getFormKey())
            .put(STATE, "CREATED")
            .put(PROCESS_INSTANCE_KEY, value.getProcessInstanceKey())
            .put(ELEMENT_INSTANCE_KEY, value.getElementInstanceKey())
            .put(CREATION_DATE, Dates.iso(record.getTimestamp()))
            .putIfPresent(TENANT_ID, value.getTenantId())
            .put(PARTITION_ID, record.getPartitionId());
        identity(fields, value, false);
        ALL_UPDATABLE.forEach(attribute -> attribute(fields, value, attribute, false));
      }
      case ASSIGNED -> fields.put(ASSIGNEE, emptyAsNull(value.getAssignee()));
      case UPDATED -> {
        var changed =
            value.getChangedAttributes() == null ? List.<String>of() : value.getChangedAttributes();
        (changed.isEmpty() ? ALL_UPDATABLE : changed)
            .forEach(attribute -> attribute(fields, value, attribute, true));
      }
      case COMPLETED ->
          fields.put(STATE, "COMPLETED").put(COMPLETION_DATE, Dates.iso(record.getTimestamp()));
      case CANCELED ->
          fields.put(STATE, "CANCELED").put(COMPLETION_DATE, Dates.iso(record.getTimestamp()));
      case MIGRATED -> identity(fields, value, true);
      default -> throw new IllegalStateException("not a handled intent: " + record.getIntent());
    }
    fields.put(POSITION, record.getPosition());
    batch.write(
        new DocumentKey(index, Long.toString(record.getKey())),
        fields.build(),
        record.getIntent() == UserTaskIntent.CREATED);
  }

  /** On migration an unknown name is cleared: the old element's name would be wrong. */
  private void identity(DocumentFields fields, UserTaskRecordValue value, boolean migrated) {
    fields
        .putIfPresent(ELEMENT_ID, value.getElementId())
        .put(PROCESS_DEFINITION_KEY, value.getProcessDefinitionKey())
        .putIfPresent(BPMN_PROCESS_ID, value.getBpmnProcessId());
    var name =
        definitions
            .find(value.getProcessDefinitionKey())
            .flatMap((DeployedProcess process) -> process.elementName(value.getElementId()));
    if (name.isPresent() || migrated) {
      fields.put(NAME, name.orElse(null));
    }
  }

  /**
   * One updatable attribute; on creation an unset one is left out, on update it is cleared (null).
   */
  private static void attribute(
      DocumentFields fields, UserTaskRecordValue value, String name, boolean clear) {
    UPDATABLE.stream()
        .filter(attribute -> attribute.name().equals(name))
        .findFirst() // attributes the read model does not keep are not found
        .ifPresent(
            attribute -> {
              var newValue = attribute.read().apply(value);
              if (newValue != null || clear) {
                fields.put(attribute.field(), newValue);
              }
            });
  }

  private static String emptyAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static List<String> emptyAsNull(List<String> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }
}
