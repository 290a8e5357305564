package dev.sightline.probe.workload.shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one started instance runs: the processes to deploy (in deployment order), the root process
 * instances are created of, and the variables each is created with (besides the workload's payload
 * variable).
 */
public record Shape(
    String name,
    List<ProcessChain> processes,
    String rootProcessId,
    Map<String, VariableValue> variables) {

  public Shape {
    Objects.requireNonNull(name, "name");
    processes = List.copyOf(processes);
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    var ids = processes.stream().map(ProcessChain::bpmnProcessId).toList();
    if (!ids.contains(rootProcessId)) {
      throw new IllegalArgumentException(
          "Shape '%s' does not deploy its root process '%s'".formatted(name, rootProcessId));
    }
    for (ProcessChain process : processes) {
      for (Step step : process.steps()) {
        if (step instanceof Step.CallActivity call && !ids.contains(call.calledProcessId())) {
          throw new IllegalArgumentException(
              "Shape '%s': call activity '%s' calls '%s', which is not deployed"
                  .formatted(name, call.id(), call.calledProcessId()));
        }
      }
    }
  }

  public ProcessChain process(String bpmnProcessId) {
    return processes.stream()
        .filter(p -> p.bpmnProcessId().equals(bpmnProcessId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No process '%s' in shape '%s'".formatted(bpmnProcessId, name)));
  }

  public ProcessChain root() {
    return process(rootProcessId);
  }

  /**
   * Process instances one started instance creates: the root plus every (looped) call, recursively.
   */
  public int processInstancesPerStart() {
    return instancesOf(root());
  }

  private int instancesOf(ProcessChain process) {
    int count = 1;
    for (Step step : process.steps()) {
      if (step instanceof Step.CallActivity call) {
        int calls = call.isMultiInstance() ? call.multiInstance().count() : 1;
        count += calls * instancesOf(process(call.calledProcessId()));
      }
    }
    return count;
  }
}
