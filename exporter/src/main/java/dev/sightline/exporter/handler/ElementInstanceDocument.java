package dev.sightline.exporter.handler;

import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.schema.Field;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields one element record sets on the document of its element instance: the process-instance
 * document for the process element, the flow-node-instance document for any other. Both follow one
 * lifecycle, kept here: ELEMENT_ACTIVATING writes the whole document, ELEMENT_COMPLETED and
 * ELEMENT_TERMINATED the end state and date, ELEMENT_MIGRATED the identity, every intent the
 * position. They differ in their fields and in the name of the terminated state.
 */
abstract sealed class ElementInstanceDocument
    permits ProcessInstanceDocument, FlowNodeInstanceDocument {

  final TreePathResolver treePaths;
  final ProcessDefinitions definitions;
  private final Field state;
  private final Field endDate;
  private final Field position;
  private final String terminatedState;

  ElementInstanceDocument(
      TreePathResolver treePaths,
      ProcessDefinitions definitions,
      Field state,
      Field endDate,
      Field position,
      String terminatedState) {
    this.treePaths = treePaths;
    this.definitions = definitions;
    this.state = state;
    this.endDate = endDate;
    this.position = position;
    this.terminatedState = terminatedState;
  }

  final Map<String, Object> update(
      Record<?> record, ProcessInstanceRecordValue value, ProcessInstanceIntent intent) {
    var fields = new LinkedHashMap<String, Object>();
    switch (intent) {
      case ELEMENT_ACTIVATING -> activating(fields, record, value);
      case ELEMENT_COMPLETED -> ended(fields, "COMPLETED", record);
      case ELEMENT_TERMINATED -> ended(fields, terminatedState, record);
      case ELEMENT_MIGRATED -> identity(fields, value, true);
      default -> {
        // ACTIVATED, COMPLETING, TERMINATING: only the position moves.
      }
    }
    fields.put(position.name(), record.getPosition());
    return fields;
  }

  /** Every field of a new element instance, its identity included. */
  abstract void activating(
      Map<String, Object> fields, Record<?> record, ProcessInstanceRecordValue value);

  /**
   * The definition the instance runs, and its name; {@code migrated}: the instance moved to another
   * definition.
   */
  abstract void identity(
      Map<String, Object> fields, ProcessInstanceRecordValue value, boolean migrated);

  /**
   * The name the deployed definition gives, if known. After a migration to a definition whose name
   * is unknown the field is cleared: the old name would be wrong.
   */
  static void putName(
      Map<String, Object> fields, Field field, Optional<String> name, boolean migrated) {
    if (name.isPresent() || migrated) {
      fields.put(field.name(), name.orElse(null));
    }
  }

  private void ended(Map<String, Object> fields, String endState, Record<?> record) {
    fields.put(state.name(), endState);
    fields.put(endDate.name(), Dates.iso(record.getTimestamp()));
  }
}
