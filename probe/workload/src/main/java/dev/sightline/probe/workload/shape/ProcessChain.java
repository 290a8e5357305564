package dev.sightline.probe.workload.shape;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A process as a chain: none start event → steps → none end event, joined by sequence flows. Flow
 * {@code i} leaves element {@code i} of the chain (0 is the start event) and its id is {@code
 * <source>-to-<target>}. The workload's shape of a process, rendered to BPMN by {@link BpmnXml};
 * not the exporter's {@code definition.ProcessModel}, which is what the read model reads back from
 * any BPMN.
 */
public record ProcessChain(
    String bpmnProcessId, String startEventId, List<Step> steps, String endEventId) {

  public ProcessChain {
    Objects.requireNonNull(bpmnProcessId, "bpmnProcessId");
    Objects.requireNonNull(startEventId, "startEventId");
    Objects.requireNonNull(endEventId, "endEventId");
    steps = List.copyOf(steps);
    var ids = new HashSet<String>(List.of(bpmnProcessId));
    for (String id : elementIds(startEventId, steps, endEventId)) {
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            "Duplicate element id '%s' in process '%s'".formatted(id, bpmnProcessId));
      }
    }
  }

  /** start → steps → end with the given ids. */
  public static ProcessChain chain(
      String bpmnProcessId, String startEventId, String endEventId, Step... steps) {
    return new ProcessChain(bpmnProcessId, startEventId, List.of(steps), endEventId);
  }

  /** The ids of the chain's elements in order: start event, steps, end event. */
  public List<String> elementIds() {
    return elementIds(startEventId, steps, endEventId);
  }

  /** The id of the sequence flow leaving chain element {@code index} (0 = start event). */
  public String flowId(int index) {
    List<String> ids = elementIds();
    return ids.get(index) + "-to-" + ids.get(index + 1);
  }

  /**
   * The call activities' ids sorted as the engine sorts them for {@code callingElementPath}.
   *
   * <p>The exporter reads the same engine rule back ({@code definition.ProcessModel}, {@code
   * TreePathResolver}); it is written again here on purpose. The workload stands in for the engine
   * and the exporter is what it tests: if both ran one implementation, a mistake in it would make
   * both sides agree and no test would see it. Each side is checked on its own instead: {@code
   * TreeFieldsTest} checks these indices against hand-written ones, the exporter's {@code
   * CorpusTreePathTest} checks its reading against real 8.8 records.
   */
  public List<String> sortedCallActivityIds() {
    return steps.stream()
        .filter(Step.CallActivity.class::isInstance)
        .map(Step::id)
        .sorted()
        .toList();
  }

  private static List<String> elementIds(String start, List<Step> steps, String end) {
    var ids = new java.util.ArrayList<String>(steps.size() + 2);
    ids.add(start);
    steps.forEach(step -> ids.add(step.id()));
    ids.add(end);
    return ids;
  }
}
