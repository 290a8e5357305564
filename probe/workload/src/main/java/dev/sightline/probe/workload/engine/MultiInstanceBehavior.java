package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.MultiInstance;
import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MultiInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceBatchIntent;

/**
 * Multi-instance bodies as the 8.8 engine runs them. The body evaluates its input collection
 * (INPUT_COLLECTION_EVALUATED). Sequential: one inner instance at a time. Parallel: a
 * PROCESS_INSTANCE_BATCH ACTIVATE command with {@code index} = instances left; processing it
 * activates one inner instance and writes the next batch command ({@code index - 1}, new key), or
 * ACTIVATED for the last — so inner activations interleave with the batch commands exactly as in
 * the real log. Each inner instance gets its element ({@code inputElement}) and {@code loopCounter}
 * as local variables; the body completes when all inner instances have.
 *
 * <p>Not thread-safe: one partition, one thread.
 */
final class MultiInstanceBehavior {

  private static final String LOOP_COUNTER = "loopCounter";

  private final EngineContext context;
  private final ElementEvents events;
  private final VariableBehavior variables;
  private final BpmnProcessor processor;

  MultiInstanceBehavior(
      EngineContext context, VariableBehavior variables, BpmnProcessor processor) {
    this.context = context;
    this.events = new ElementEvents(context);
    this.variables = variables;
    this.processor = processor;
  }

  void activateBody(ElementInstance body) {
    MultiInstance loop = loop(body);
    events.activating(body);
    context.log.event(
        body.key,
        ValueType.MULTI_INSTANCE,
        MultiInstanceIntent.INPUT_COLLECTION_EVALUATED,
        Values.inputCollection(loop.elements().stream().map(VariableValue::json).toList()));
    events.activated(body);
    if (loop.sequential()) {
      activateInnerInstance(body);
    } else {
      batchCommand(body, context.keys.next(), loop.count());
    }
  }

  /** The inner instance's element and loop counter, created right after its ELEMENT_ACTIVATING. */
  void createLoopVariables(ElementInstance inner) {
    ElementInstance body = inner.flowScope;
    MultiInstance loop = loop(body);
    int loopCounter = ++body.innerActivated;
    variables.create(inner, loop.inputElement(), loop.elements().get(loopCounter - 1));
    variables.create(inner, LOOP_COUNTER, VariableValue.of(loopCounter));
  }

  void innerInstanceCompleted(ElementInstance inner) {
    ElementInstance body = inner.flowScope;
    MultiInstance loop = loop(body);
    body.innerCompleted++;
    if (body.innerCompleted == loop.count()) {
      processor.completeCommand(body);
    } else if (loop.sequential()) {
      activateInnerInstance(body);
    }
  }

  private void batchCommand(ElementInstance body, long key, long index) {
    context.log.command(
        key,
        ValueType.PROCESS_INSTANCE_BATCH,
        ProcessInstanceBatchIntent.ACTIVATE,
        Values.batch(body, index));
    context.followUp(() -> activateBatch(body, key, index));
  }

  private void activateBatch(ElementInstance body, long key, long index) {
    activateInnerInstance(body);
    if (index > 1) {
      batchCommand(body, context.keys.next(), index - 1);
    } else {
      context.log.event(
          key,
          ValueType.PROCESS_INSTANCE_BATCH,
          ProcessInstanceBatchIntent.ACTIVATED,
          Values.batch(body, index));
    }
  }

  private void activateInnerInstance(ElementInstance body) {
    Node node = body.node;
    processor.activateCommand(
        new ElementInstance(
            context.keys.next(),
            body.process,
            body,
            node,
            node.type(),
            Values.element(body.process, body, node.id(), node.type(), node.eventType())));
  }

  private static MultiInstance loop(ElementInstance body) {
    return body.node.step().multiInstance();
  }
}
