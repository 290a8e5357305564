package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.Step;
import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessEventIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Processes ACTIVATE_ELEMENT and COMPLETE_ELEMENT for the elements a chain has — process, none
 * start and end events, service tasks, call activities and their multi-instance bodies — writing
 * what the 8.8 engine writes, in its order (taken from real records: see docs/workload.md).
 *
 * <p>Not thread-safe: one partition, one thread.
 */
final class BpmnProcessor {

  private final EngineContext context;
  private final ElementEvents events;
  private final VariableBehavior variables;
  private final JobBehavior jobs;
  private final MultiInstanceBehavior multiInstance;

  BpmnProcessor(EngineContext context, VariableBehavior variables, JobBehavior jobs) {
    this.context = context;
    this.events = new ElementEvents(context);
    this.variables = variables;
    this.jobs = jobs;
    this.multiInstance = new MultiInstanceBehavior(context, variables, this);
  }

  void activateCommand(ElementInstance element) {
    events.activateCommand(element, () -> activate(element));
  }

  void completeCommand(ElementInstance element) {
    events.completeCommand(element, () -> complete(element));
  }

  private void activate(ElementInstance element) {
    switch (element.type) {
      case PROCESS -> activateProcess(element);
      case MULTI_INSTANCE_BODY -> multiInstance.activateBody(element);
      default -> {
        events.activating(element);
        if (element.isInnerInstance()) {
          multiInstance.createLoopVariables(element);
        }
        switch (element.type) {
          case SERVICE_TASK -> {
            jobs.create(element);
            events.activated(element);
          }
          case CALL_ACTIVITY -> {
            events.activated(element);
            call(element);
          }
          default -> { // none start and end events
            events.activated(element);
            completeCommand(element);
          }
        }
      }
    }
  }

  private void complete(ElementInstance element) {
    events.completing(element);
    switch (element.type) {
      case PROCESS -> completeProcess(element);
      case START_EVENT, MULTI_INSTANCE_BODY -> {
        events.completed(element);
        takeOutgoingFlow(element);
      }
      case END_EVENT -> {
        events.completed(element);
        completeCommand(element.flowScope); // a chain's end event is its last active element
      }
      default -> { // service task (its job's trigger) or call activity (the called instance's
        // variables)
        long triggerKey =
            element.type == BpmnElementType.SERVICE_TASK ? element.processEventKey : element.key;
        context.log.event(
            triggerKey,
            ValueType.PROCESS_EVENT,
            ProcessEventIntent.TRIGGERED,
            Values.processEvent(element, Map.of()));
        if (element.pendingVariables != null) {
          variables.merge(element.flowScope, element.pendingVariables);
          element.pendingVariables = null;
        }
        events.completed(element);
        if (element.isInnerInstance()) {
          multiInstance.innerInstanceCompleted(element);
        } else {
          takeOutgoingFlow(element);
        }
      }
    }
  }

  private void activateProcess(ElementInstance process) {
    ProcessInstance instance = process.process;
    if (instance.caller != null) {
      variables.createAll(process, variables.visible(instance.caller));
    }
    events.activating(process);
    events.activated(process);
    // the start event's command has no key yet: the engine assigns it when activating
    Node start = instance.definition.node(0);
    var value = Values.element(instance, process, start.id(), start.type(), start.eventType());
    context.log.command(
        -1, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ACTIVATE_ELEMENT, value);
    context.followUp(
        () ->
            activate(
                new ElementInstance(
                    context.keys.next(), instance, process, start, start.type(), value)));
  }

  private void completeProcess(ElementInstance process) {
    events.completed(process);
    ProcessInstance instance = process.process;
    if (instance.caller == null) {
      return; // a root instance: done
    }
    var childVariables = new LinkedHashMap<String, VariableValue>();
    if (process.variables != null) {
      process.variables.forEach((name, stored) -> childVariables.put(name, stored.value()));
    }
    instance.caller.pendingVariables = childVariables;
    completeCommand(instance.caller);
  }

  private void call(ElementInstance callActivity) {
    var step = (Step.CallActivity) callActivity.node.step();
    DeployedChain called = context.deployment.process(step.calledProcessId());
    var child = ProcessInstance.child(context.keys.next(), called, callActivity);
    activateCommand(child.element);
  }

  /** SEQUENCE_FLOW_TAKEN to the next element of the chain, and its ACTIVATE_ELEMENT. */
  void takeOutgoingFlow(ElementInstance element) {
    ProcessInstance instance = element.process;
    DeployedChain definition = instance.definition;
    ElementInstance scope = element.flowScope;
    context.log.event(
        context.keys.next(),
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN,
        Values.element(
            instance,
            scope,
            definition.flowIdAfter(element.node),
            BpmnElementType.SEQUENCE_FLOW,
            BpmnEventType.UNSPECIFIED));
    Node next = definition.node(element.node.index() + 1);
    var type = next.isMultiInstance() ? BpmnElementType.MULTI_INSTANCE_BODY : next.type();
    var eventType = next.isMultiInstance() ? BpmnEventType.UNSPECIFIED : next.eventType();
    activateCommand(
        new ElementInstance(
            context.keys.next(),
            instance,
            scope,
            next,
            type,
            Values.element(instance, scope, next.id(), type, eventType)));
  }
}
