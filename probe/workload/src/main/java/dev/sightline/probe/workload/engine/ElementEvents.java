package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;

/**
 * The PROCESS_INSTANCE records of an element instance's life cycle, and the two commands that move
 * it. Only ELEMENT_ACTIVATING carries the tree fields; every other intent has them empty, as in
 * 8.8.
 *
 * <p>Not thread-safe: one partition, one thread.
 */
final class ElementEvents {

  private final EngineContext context;

  ElementEvents(EngineContext context) {
    this.context = context;
  }

  void activating(ElementInstance element) {
    event(element, ProcessInstanceIntent.ELEMENT_ACTIVATING, Values.activating(element));
  }

  void activated(ElementInstance element) {
    event(element, ProcessInstanceIntent.ELEMENT_ACTIVATED, element.value);
  }

  void completing(ElementInstance element) {
    event(element, ProcessInstanceIntent.ELEMENT_COMPLETING, element.value);
  }

  void completed(ElementInstance element) {
    event(element, ProcessInstanceIntent.ELEMENT_COMPLETED, element.value);
  }

  /** Writes ACTIVATE_ELEMENT for an element instance and queues {@code processing} of it. */
  void activateCommand(ElementInstance element, Runnable processing) {
    context.log.command(
        element.key,
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ACTIVATE_ELEMENT,
        element.value);
    context.followUp(processing);
  }

  /** Writes COMPLETE_ELEMENT for an element instance and queues {@code processing} of it. */
  void completeCommand(ElementInstance element, Runnable processing) {
    context.log.command(
        element.key,
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.COMPLETE_ELEMENT,
        element.value);
    context.followUp(processing);
  }

  private void event(
      ElementInstance element,
      ProcessInstanceIntent intent,
      ImmutableProcessInstanceRecordValue value) {
    context.log.event(element.key, ValueType.PROCESS_INSTANCE, intent, value);
  }
}
