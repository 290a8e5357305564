package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.VariableIndex.*;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.VariableIndex;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * VARIABLE events: one document per (scope, name). The value is the engine's JSON text; beyond
 * {@code previewSize} code points it is cut in {@code value} ({@code isPreview=true}) and kept
 * whole in the stored-only {@code fullValue}. A partial update cannot remove a field, so an UPDATED
 * value that fits again sets {@code fullValue} to null.
 */
public final class VariableHandler implements RecordHandler {

  private static final Set<VariableIntent> INTENTS =
      EnumSet.of(VariableIntent.CREATED, VariableIntent.UPDATED, VariableIntent.MIGRATED);

  /** Elasticsearch refuses ids over 512 bytes. */
  private static final int MAX_ID_BYTES = 512;

  private final String index;
  private final int previewSize;

  public VariableHandler(ReadModelSchema schema, int previewSize) {
    this.index = schema.indexName(VariableIndex.DESCRIPTOR);
    this.previewSize = previewSize;
  }

  public static Set<VariableIntent> intents() {
    return INTENTS;
  }

  @Override
  public ValueType valueType() {
    return ValueType.VARIABLE;
  }

  @Override
  public boolean handles(Record<?> record) {
    return record.getValueType() == ValueType.VARIABLE
        && record.getRecordType() == RecordType.EVENT
        && record.getIntent() instanceof VariableIntent intent
        && INTENTS.contains(intent);
  }

  @Override
  public void handle(Record<?> record, Batch batch) {
    var value = (VariableRecordValue) record.getValue();
    var intent = (VariableIntent) record.getIntent();
    var fields =
        new DocumentFields()
            .put(PROCESS_DEFINITION_KEY, value.getProcessDefinitionKey())
            .putIfPresent(BPMN_PROCESS_ID, value.getBpmnProcessId());
    if (intent != VariableIntent.MIGRATED) {
      var text = value.getValue() == null ? "null" : value.getValue();
      var preview = ValuePreview.of(text, previewSize);
      fields
          .put(KEY, record.getKey())
          .put(NAME, value.getName())
          .put(VALUE, preview.preview())
          .put(IS_PREVIEW, preview.truncated())
          .put(SCOPE_KEY, value.getScopeKey())
          .put(PROCESS_INSTANCE_KEY, value.getProcessInstanceKey())
          .putIfPresent(TENANT_ID, value.getTenantId())
          .put(PARTITION_ID, record.getPartitionId());
      if (preview.truncated()) {
        fields.put(FULL_VALUE, text);
      } else if (intent == VariableIntent.UPDATED) {
        fields.put(FULL_VALUE, null); // the value may have been long before
      }
    }
    fields.put(POSITION, record.getPosition());
    batch.write(
        new DocumentKey(index, id(value.getScopeKey(), value.getName())),
        fields.build(),
        intent == VariableIntent.CREATED);
  }

  /**
   * {@code <scopeKey>-<name>}; a name too long for an id is replaced by its SHA-256 ({@code
   * <scopeKey>-#<hex>}).
   */
  static String id(long scopeKey, String name) {
    var id = scopeKey + "-" + name;
    if (id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
      return id;
    }
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return scopeKey + "-#" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
