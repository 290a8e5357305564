package dev.sightline.probe.twohop.importer;

import dev.sightline.exporter.schema.ProcessDefinitionIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentStore;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the process definitions a batch's records refer to are already in the read model. Each
 * record index refreshes on its own schedule, so a reader may see process-instance records before
 * the process reader sees the deployment they belong to; imported then, they would get no element
 * names. The direct exporter never meets this: its log is in order. Definitions found once are
 * remembered (a deployment is never undone here).
 *
 * <p>Thread-safe.
 */
final class DeployedDefinitions {

  private final DocumentStore store;
  private final String index;
  private final Set<Long> known = ConcurrentHashMap.newKeySet();

  DeployedDefinitions(DocumentStore store, ReadModelSchema schema) {
    this.store = store;
    this.index = schema.indexName(ProcessDefinitionIndex.DESCRIPTOR);
  }

  /**
   * The first definition key the records need and the read model lacks, or -1 if none is missing.
   */
  long firstMissing(List<Record<?>> records) {
    for (var record : records) {
      var key = definitionKey(record);
      if (key > 0 && !known.contains(key)) {
        if (store.get(index, Long.toString(key)).isEmpty()) {
          return key;
        }
        known.add(key);
      }
    }
    return -1;
  }

  /**
   * The definition a record's handler reads (names, call activities); -1 for records that read
   * none.
   */
  static long definitionKey(Record<?> record) {
    return switch (record.getValue()) {
      case ProcessInstanceRecordValue value -> value.getProcessDefinitionKey();
      case IncidentRecordValue value -> value.getProcessDefinitionKey();
      case UserTaskRecordValue value -> value.getProcessDefinitionKey();
      default -> -1;
    };
  }
}
