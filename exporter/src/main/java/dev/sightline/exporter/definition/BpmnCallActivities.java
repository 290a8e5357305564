package dev.sightline.exporter.definition;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Reads a process's call activities out of its BPMN XML, sorted by id as the engine numbers them. */
public final class BpmnCallActivities {

  private BpmnCallActivities() {}

  /**
   * The ids of the call activities inside the process {@code bpmnProcessId} (at any depth of embedded
   * sub-processes), sorted; a resource may hold several processes (a collaboration).
   */
  public static List<String> of(byte[] bpmnXml, String bpmnProcessId) {
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
    return model.getModelElementsByType(CallActivity.class).stream()
        .filter(activity -> bpmnProcessId.equals(owningProcessId(activity)))
        .map(CallActivity::getId)
        .sorted()
        .toList();
  }

  private static String owningProcessId(ModelElementInstance element) {
    var current = element.getParentElement();
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return current == null ? null : ((Process) current).getId();
  }
}
