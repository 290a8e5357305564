package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element instance and the state the engine keeps for it: its variables (a scope),
 * multi-instance counters, and the variables waiting to be applied when it completes (a job's
 * result, or a called instance's variables).
 *
 * <p>The PROCESS_INSTANCE record value is built once and shared by all its records (immutable). Not
 * thread-safe: owned by one partition's engine.
 */
final class ElementInstance {

  final long key;
  final ProcessInstance process;

  /** {@code null} for the process element. */
  final ElementInstance flowScope;

  final Node node;
  final BpmnElementType type;
  final ImmutableProcessInstanceRecordValue value;

  /** Local variables by name, in creation order; {@code null} until the first one. */
  Map<String, StoredVariable> variables;

  /** Variables to merge into the flow scope on completion; {@code null} for none. */
  Map<String, VariableValue> pendingVariables;

  /** Key of the PROCESS_EVENT a job completion started ({@code -1} if none). */
  long processEventKey = -1;

  /** Multi-instance body: inner instances activated and completed so far. */
  int innerActivated;

  int innerCompleted;

  ElementInstance(
      long key,
      ProcessInstance process,
      ElementInstance flowScope,
      Node node,
      BpmnElementType type,
      ImmutableProcessInstanceRecordValue value) {
    this.key = key;
    this.process = process;
    this.flowScope = flowScope;
    this.node = node;
    this.type = type;
    this.value = value;
  }

  static ElementInstance processElement(ProcessInstance process) {
    Node node = process.definition.processNode();
    return new ElementInstance(
        process.key,
        process,
        null,
        node,
        node.type(),
        Values.element(process, null, node.id(), node.type(), node.eventType()));
  }

  /** A variable stored in a scope: its key stays when the value is updated. */
  record StoredVariable(long key, VariableValue value) {}

  /**
   * This instance's own list in {@code elementInstancePath}: process key, enclosing scopes, own
   * key.
   */
  List<Long> levelPath() {
    var path = new ArrayList<Long>(4);
    for (ElementInstance scope = this; scope != null; scope = scope.flowScope) {
      path.addFirst(scope.key);
    }
    return List.copyOf(path);
  }

  Map<String, StoredVariable> variables() {
    if (variables == null) {
      variables = new LinkedHashMap<>();
    }
    return variables;
  }

  boolean isInnerInstance() {
    return flowScope != null && flowScope.type == BpmnElementType.MULTI_INSTANCE_BODY;
  }
}
