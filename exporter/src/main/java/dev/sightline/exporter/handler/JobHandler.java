package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.JobIndex.*;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.JobIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * JOB events: one document per job. {@code state} is the last lifecycle event (as Camunda's read
 * model has it: {@code CREATED}, {@code FAILED}, {@code RETRIES_UPDATED}, …); MIGRATED, UPDATED and
 * TIMEOUT_UPDATED change other fields only. Every event carries the job's current retries,
 * deadline, worker and error, so each writes them when set.
 */
public final class JobHandler implements RecordHandler {

  private static final Set<JobIntent> STATE_CHANGES =
      EnumSet.of(
          JobIntent.CREATED,
          JobIntent.COMPLETED,
          JobIntent.FAILED,
          JobIntent.TIMED_OUT,
          JobIntent.RETRIES_UPDATED,
          JobIntent.CANCELED,
          JobIntent.ERROR_THROWN,
          JobIntent.RECURRED_AFTER_BACKOFF,
          JobIntent.YIELDED);
  private static final Set<JobIntent> INTENTS =
      EnumSet.of(JobIntent.MIGRATED, JobIntent.UPDATED, JobIntent.TIMEOUT_UPDATED);

  static {
    INTENTS.addAll(STATE_CHANGES);
  }

  private final String index;

  public JobHandler(ReadModelSchema schema) {
    this.index = schema.indexName(JobIndex.DESCRIPTOR);
  }

  public static Set<JobIntent> intents() {
    return INTENTS;
  }

  @Override
  public ValueType valueType() {
    return ValueType.JOB;
  }

  @Override
  public boolean handles(Record<?> record) {
    return record.getValueType() == ValueType.JOB
        && record.getRecordType() == RecordType.EVENT
        && record.getIntent() instanceof JobIntent intent
        && INTENTS.contains(intent);
  }

  @Override
  public void handle(Record<?> record, Batch batch) {
    var value = (JobRecordValue) record.getValue();
    var intent = (JobIntent) record.getIntent();
    var fields =
        new DocumentFields()
            .put(KEY, record.getKey())
            .putIfPresent(TYPE, value.getType())
            .putIfPresent(WORKER, value.getWorker())
            .put(RETRIES, value.getRetries())
            .putIfPresent(ERROR_MESSAGE, value.getErrorMessage())
            .putIfPresent(ERROR_CODE, value.getErrorCode())
            .putDateIfSet(DEADLINE, value.getDeadline())
            .putIfPositive(PROCESS_INSTANCE_KEY, value.getProcessInstanceKey())
            .putIfPositive(PROCESS_DEFINITION_KEY, value.getProcessDefinitionKey())
            .putIfPresent(BPMN_PROCESS_ID, value.getBpmnProcessId())
            .putIfPositive(ELEMENT_INSTANCE_KEY, value.getElementInstanceKey())
            .putIfPresent(ELEMENT_ID, value.getElementId())
            .putIfPresent(TENANT_ID, value.getTenantId())
            .put(PARTITION_ID, record.getPartitionId())
            .put(POSITION, record.getPosition());
    if (STATE_CHANGES.contains(intent)) {
      fields.put(STATE, intent.name());
    }
    switch (intent) {
      case CREATED -> {
        // Headers are fixed at creation; a partial update merges maps, so they are written once.
        fields.put(
            CUSTOM_HEADERS, value.getCustomHeaders() == null ? Map.of() : value.getCustomHeaders());
        fields.putIfPresent(
            JOB_KIND, value.getJobKind() == null ? null : value.getJobKind().name());
        fields.put(CREATION_TIME, Dates.iso(record.getTimestamp()));
      }
      case COMPLETED, CANCELED -> fields.put(END_TIME, Dates.iso(record.getTimestamp()));
      default -> {
        // the fields above
      }
    }
    batch.write(
        new DocumentKey(index, Long.toString(record.getKey())),
        fields.build(),
        record.getIntent() == JobIntent.CREATED);
  }
}
