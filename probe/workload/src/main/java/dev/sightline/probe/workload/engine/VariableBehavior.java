package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.engine.ElementInstance.StoredVariable;
import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables as the engine handles them: local creation (VARIABLE CREATED), merging on completion
 * (UPDATED only where a value changes, CREATED in the process instance's scope when no enclosing
 * scope has the name), and the variables visible from a scope (copied into a called instance,
 * handed to a worker).
 *
 * <p>Not thread-safe: one partition, one thread.
 */
final class VariableBehavior {

  private final EngineContext context;

  VariableBehavior(EngineContext context) {
    this.context = context;
  }

  void create(ElementInstance scope, String name, VariableValue value) {
    long key = context.keys.next();
    scope.variables().put(name, new StoredVariable(key, value));
    context.log.event(
        key,
        ValueType.VARIABLE,
        VariableIntent.CREATED,
        Values.variable(name, value.json(), scope));
  }

  void createAll(ElementInstance scope, Map<String, VariableValue> document) {
    document.forEach((name, value) -> create(scope, name, value));
  }

  /**
   * Sets each variable in the nearest scope from {@code from} outwards (within its process
   * instance) that already has it, or creates it in the process instance's scope.
   */
  void merge(ElementInstance from, Map<String, VariableValue> document) {
    document.forEach((name, value) -> set(from, name, value));
  }

  /** The variables visible from a scope, inner ones hiding outer ones; innermost scope first. */
  Map<String, VariableValue> visible(ElementInstance scope) {
    var visible = new LinkedHashMap<String, VariableValue>();
    for (ElementInstance s = scope; s != null; s = s.flowScope) {
      if (s.variables != null) {
        s.variables.forEach((name, stored) -> visible.putIfAbsent(name, stored.value()));
      }
    }
    return visible;
  }

  /** The document form of variables, as {@code variables} maps of records carry them. */
  static Map<String, Object> documents(Map<String, VariableValue> variables) {
    var documents = new LinkedHashMap<String, Object>(variables.size() * 2);
    variables.forEach((name, value) -> documents.put(name, value.document()));
    return documents;
  }

  private void set(ElementInstance from, String name, VariableValue value) {
    for (ElementInstance scope = from; scope != null; scope = scope.flowScope) {
      StoredVariable stored = scope.variables == null ? null : scope.variables.get(name);
      if (stored != null) {
        if (!stored.value().json().equals(value.json())) {
          scope.variables.put(name, new StoredVariable(stored.key(), value));
          context.log.event(
              stored.key(),
              ValueType.VARIABLE,
              VariableIntent.UPDATED,
              Values.variable(name, value.json(), scope));
        }
        return;
      }
    }
    create(from.process.element, name, value);
  }
}
