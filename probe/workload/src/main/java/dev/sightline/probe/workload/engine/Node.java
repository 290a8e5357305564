package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.Step;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;

/**
 * One element of a deployed chain as the engine walks it: {@code index} 0 is the start event, the
 * last one the end event, the process element itself has index -1.
 *
 * @param step the activity, {@code null} for events and the process
 */
record Node(int index, String id, BpmnElementType type, BpmnEventType eventType, Step step) {

  static Node process(String bpmnProcessId) {
    return new Node(-1, bpmnProcessId, BpmnElementType.PROCESS, BpmnEventType.UNSPECIFIED, null);
  }

  static Node startEvent(String id) {
    return new Node(0, id, BpmnElementType.START_EVENT, BpmnEventType.NONE, null);
  }

  static Node endEvent(int index, String id) {
    return new Node(index, id, BpmnElementType.END_EVENT, BpmnEventType.NONE, null);
  }

  static Node activity(int index, Step step) {
    var type =
        switch (step) {
          case Step.ServiceTask task -> BpmnElementType.SERVICE_TASK;
          case Step.CallActivity call -> BpmnElementType.CALL_ACTIVITY;
        };
    return new Node(index, step.id(), type, BpmnEventType.UNSPECIFIED, step);
  }

  boolean isMultiInstance() {
    return step != null && step.isMultiInstance();
  }
}
