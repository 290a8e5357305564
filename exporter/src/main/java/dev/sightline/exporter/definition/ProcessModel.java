package dev.sightline.exporter.definition;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What the read model needs of one process in a BPMN resource, parsed once at deployment: its name,
 * the name of each named element (for flow-node and user-task documents) and its call activities
 * sorted by id (the engine's {@code callingElementPath} indexes into that order). A resource may
 * hold several processes (a collaboration): only the elements of {@code bpmnProcessId} count, at
 * any depth of embedded sub-processes.
 *
 * <p>The probe's engine simulator sorts call activities again, on its own and on purpose, so that a
 * mistake here cannot hide behind the simulator agreeing with it (the workload's {@code
 * ProcessChain#sortedCallActivityIds}).
 */
public record ProcessModel(
    Optional<String> name, Map<String, String> elementNames, List<String> callActivityIds) {

  public static final ProcessModel EMPTY = new ProcessModel(Optional.empty(), Map.of(), List.of());

  public ProcessModel {
    elementNames = Map.copyOf(elementNames);
    callActivityIds = List.copyOf(callActivityIds);
  }

  /**
   * @throws RuntimeException (the BPMN model's parse exceptions) if the XML is not a BPMN model
   */
  public static ProcessModel read(byte[] bpmnXml, String bpmnProcessId) {
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
    var names = new TreeMap<String, String>();
    for (var element : model.getModelElementsByType(FlowElement.class)) {
      if (isNamed(element.getName()) && bpmnProcessId.equals(owningProcessId(element))) {
        names.put(element.getId(), element.getName());
      }
    }
    var callActivities =
        model.getModelElementsByType(CallActivity.class).stream()
            .filter(activity -> bpmnProcessId.equals(owningProcessId(activity)))
            .map(CallActivity::getId)
            .sorted()
            .toList();
    var name =
        model.getModelElementsByType(Process.class).stream()
            .filter(process -> bpmnProcessId.equals(process.getId()))
            .map(Process::getName)
            .filter(ProcessModel::isNamed)
            .findFirst();
    return new ProcessModel(name, names, callActivities);
  }

  private static boolean isNamed(String name) {
    return name != null && !name.isBlank();
  }

  private static String owningProcessId(ModelElementInstance element) {
    var current = element.getParentElement();
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return current == null ? null : ((Process) current).getId();
  }
}
