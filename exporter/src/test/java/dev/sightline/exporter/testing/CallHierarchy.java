package dev.sightline.exporter.testing;

import dev.sightline.exporter.testing.EngineRecords.Element;
import dev.sightline.exporter.testing.EngineRecords.Instance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.List;

/**
 * Three process levels, two branches: {@code root} calls {@code middle} twice in parallel (call
 * activities {@code call-a}, {@code call-b}); each {@code middle} calls {@code leaf} ({@code
 * call-leaf}); each leaf runs {@code task} inside the embedded sub-process {@code sub}. {@link
 * #start()} leaves both tasks active: the place for incidents.
 */
public final class CallHierarchy {

  public final EngineRecords engine;
  public long rootDefinition;
  public long middleDefinition;
  public long leafDefinition;
  public Instance root;
  public Element callA;
  public Element callB;
  public Instance middleA;
  public Instance middleB;
  public Element callLeafA;
  public Element callLeafB;
  public Instance leafA;
  public Instance leafB;
  public Element subA;
  public Element subB;
  public Element taskA;
  public Element taskB;

  public CallHierarchy(EngineRecords engine) {
    this.engine = engine;
  }

  public static BpmnModelInstance rootModel() {
    return Bpmn.createExecutableProcess("root")
        .name("Root")
        .startEvent("root-start")
        .parallelGateway("fork")
        .callActivity("call-a", call -> call.zeebeProcessId("middle"))
        .endEvent("end-a")
        .moveToNode("fork")
        .callActivity("call-b", call -> call.zeebeProcessId("middle"))
        .endEvent("end-b")
        .done();
  }

  public static BpmnModelInstance middleModel() {
    return Bpmn.createExecutableProcess("middle")
        .startEvent("middle-start")
        .callActivity("call-leaf", call -> call.zeebeProcessId("leaf"))
        .endEvent("middle-end")
        .done();
  }

  public static BpmnModelInstance leafModel() {
    return Bpmn.createExecutableProcess("leaf")
        .startEvent("leaf-start")
        .subProcess(
            "sub",
            sub ->
                sub.embeddedSubProcess()
                    .startEvent("sub-start")
                    .serviceTask("task", t -> t.zeebeJobType("work")))
        .endEvent("leaf-end")
        .done();
  }

  /** PROCESS CREATED for the three definitions. */
  public List<Record<?>> deploy() {
    rootDefinition = engine.deploy("root", rootModel());
    middleDefinition = engine.deploy("middle", middleModel());
    leafDefinition = engine.deploy("leaf", leafModel());
    return engine.drain();
  }

  /** One root instance with both branches down to their active tasks. */
  public List<Record<?>> start() {
    root = engine.startRoot(rootDefinition, "root");
    callA = engine.activate(root, "call-a", BpmnElementType.CALL_ACTIVITY);
    middleA = engine.startCalled(callA, 0, middleDefinition, "middle");
    callLeafA = engine.activate(middleA, "call-leaf", BpmnElementType.CALL_ACTIVITY);
    leafA = engine.startCalled(callLeafA, 0, leafDefinition, "leaf");
    subA = engine.activate(leafA, "sub", BpmnElementType.SUB_PROCESS);
    taskA = engine.activateIn(subA, "task", BpmnElementType.SERVICE_TASK);
    callB = engine.activate(root, "call-b", BpmnElementType.CALL_ACTIVITY);
    middleB = engine.startCalled(callB, 1, middleDefinition, "middle");
    callLeafB = engine.activate(middleB, "call-leaf", BpmnElementType.CALL_ACTIVITY);
    leafB = engine.startCalled(callLeafB, 0, leafDefinition, "leaf");
    subB = engine.activate(leafB, "sub", BpmnElementType.SUB_PROCESS);
    taskB = engine.activateIn(subB, "task", BpmnElementType.SERVICE_TASK);
    return engine.drain();
  }

  /**
   * {@code PI_<root>/FN_call-a/FNI_<callA>/PI_<middleA>/FN_call-leaf/FNI_<callLeafA>/PI_<leafA>}.
   */
  public String leafAPath() {
    return "PI_%d/FN_call-a/FNI_%d/PI_%d/FN_call-leaf/FNI_%d/PI_%d"
        .formatted(root.key(), callA.key(), middleA.key(), callLeafA.key(), leafA.key());
  }
}
