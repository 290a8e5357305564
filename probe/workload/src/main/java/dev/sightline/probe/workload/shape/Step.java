package dev.sightline.probe.workload.shape;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One activity between a process's start and end events. */
public sealed interface Step {

  String id();

  /** The loop characteristics, or {@code null} for a plain activity. */
  MultiInstance multiInstance();

  default boolean isMultiInstance() {
    return multiInstance() != null;
  }

  /**
   * A service task; the simulated worker completes its jobs with {@code completionVariables}.
   *
   * @param multiInstance {@code null} unless the task is a multi-instance activity
   */
  record ServiceTask(
      String id,
      String jobType,
      Map<String, VariableValue> completionVariables,
      MultiInstance multiInstance)
      implements Step {

    public ServiceTask {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(jobType, "jobType");
      completionVariables =
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(completionVariables));
    }

    public static ServiceTask of(String id, String jobType) {
      return new ServiceTask(id, jobType, Map.of(), null);
    }

    public ServiceTask completingWith(Map<String, VariableValue> variables) {
      return new ServiceTask(id, jobType, variables, multiInstance);
    }

    public ServiceTask looping(MultiInstance loop) {
      return new ServiceTask(id, jobType, completionVariables, loop);
    }
  }

  /**
   * A call activity of the latest version of {@code calledProcessId}, propagating all variables
   * both ways (the engine's defaults).
   */
  record CallActivity(String id, String calledProcessId, MultiInstance multiInstance)
      implements Step {

    public CallActivity {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(calledProcessId, "calledProcessId");
    }

    public static CallActivity of(String id, String calledProcessId) {
      return new CallActivity(id, calledProcessId, null);
    }

    public CallActivity looping(MultiInstance loop) {
      return new CallActivity(id, calledProcessId, loop);
    }
  }
}
