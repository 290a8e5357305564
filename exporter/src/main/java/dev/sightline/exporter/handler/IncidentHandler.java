package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.IncidentIndex.*;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.IncidentIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * INCIDENT events: the incident document, and the incident flags up the call hierarchy ({@link
 * IncidentFlags}). Every event writes the incident's whole identity, so a RESOLVED whose CREATED
 * came before the exported history still makes a complete document; MIGRATED moves it to its new
 * definition and element.
 */
public final class IncidentHandler implements RecordHandler {

  private static final Set<IncidentIntent> INTENTS =
      EnumSet.of(IncidentIntent.CREATED, IncidentIntent.RESOLVED, IncidentIntent.MIGRATED);

  private final String index;
  private final TreePathResolver treePaths;
  private final IncidentFlags flags;

  IncidentHandler(ReadModelSchema schema, TreePathResolver treePaths, IncidentFlags flags) {
    this.index = schema.indexName(IncidentIndex.DESCRIPTOR);
    this.treePaths = treePaths;
    this.flags = flags;
  }

  public static Set<IncidentIntent> intents() {
    return INTENTS;
  }

  @Override
  public ValueType valueType() {
    return ValueType.INCIDENT;
  }

  @Override
  public boolean handles(Record<?> record) {
    return record.getValueType() == ValueType.INCIDENT
        && record.getRecordType() == RecordType.EVENT
        && record.getIntent() instanceof IncidentIntent intent
        && INTENTS.contains(intent);
  }

  @Override
  public void handle(Record<?> record, Batch batch) {
    var value = (IncidentRecordValue) record.getValue();
    var intent = (IncidentIntent) record.getIntent();
    var scope = treePaths.incidentScope(value);
    // Flags first: they read before they write, so a failed read leaves the batch untouched for the
    // retry.
    switch (intent) {
      case CREATED -> flags.opened(record.getKey(), record.getPosition(), scope);
      case RESOLVED -> flags.resolved(record.getKey(), record.getPosition(), scope);
      default -> {
        // a migration keeps the instance keys, hence the flags
      }
    }
    var fields =
        new DocumentFields()
            .put(KEY, record.getKey())
            .putIfPresent(
                ERROR_TYPE, value.getErrorType() == null ? null : value.getErrorType().name())
            .putIfPresent(ERROR_MESSAGE, value.getErrorMessage())
            .put(PROCESS_INSTANCE_KEY, value.getProcessInstanceKey())
            .put(PROCESS_DEFINITION_KEY, value.getProcessDefinitionKey())
            .putIfPresent(BPMN_PROCESS_ID, value.getBpmnProcessId())
            .putIfPresent(ELEMENT_ID, value.getElementId())
            .putIfPositive(ELEMENT_INSTANCE_KEY, value.getElementInstanceKey())
            .putIfPositive(JOB_KEY, value.getJobKey())
            .put(TREE_PATH, scope.treePath())
            .put(PROCESS_INSTANCE_KEYS, scope.processInstanceKeys())
            .put(FLOW_NODE_INSTANCE_KEYS, scope.flowNodeInstanceKeys())
            .putIfPresent(TENANT_ID, value.getTenantId())
            .put(PARTITION_ID, record.getPartitionId())
            .put(POSITION, record.getPosition());
    switch (intent) {
      case CREATED ->
          fields.put(STATE, "ACTIVE").put(CREATION_TIME, Dates.iso(record.getTimestamp()));
      case RESOLVED ->
          fields.put(STATE, "RESOLVED").put(RESOLVED_TIME, Dates.iso(record.getTimestamp()));
      default -> {
        // MIGRATED: identity only
      }
    }
    batch.write(
        new DocumentKey(index, Long.toString(record.getKey())),
        fields.build(),
        intent == IncidentIntent.CREATED);
  }
}
