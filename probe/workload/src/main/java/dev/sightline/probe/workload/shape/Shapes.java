package dev.sightline.probe.workload.shape;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The shapes the workload knows by name. */
public final class Shapes {

  /**
   * Items the default benchmark's parent loops over: with the parent, 6 process instances per
   * start.
   */
  public static final int BENCHMARK_ITEMS = 5;

  public static final String PARENT = "sightline-parent";
  public static final String CHILD = "sightline-child";
  public static final String TASK = "sightline-task";

  private Shapes() {}

  /** The shape behind this project's benchmark, looping over {@value #BENCHMARK_ITEMS} items. */
  public static Shape benchmark() {
    return benchmark(BENCHMARK_ITEMS);
  }

  /**
   * Parent (start → service task → parallel multi-instance call activity over {@code items} → end)
   * calling the child (start → service task → end) once per item.
   */
  public static Shape benchmark(int items) {
    List<VariableValue> elements =
        IntStream.rangeClosed(1, items).mapToObj(i -> VariableValue.of(i)).toList();
    var parent =
        ProcessChain.chain(
            PARENT,
            "parent-start",
            "parent-end",
            Step.ServiceTask.of("parent-task", "parent-work"),
            Step.CallActivity.of("call-child", CHILD)
                .looping(MultiInstance.parallel("=items", "item", elements)));
    var collection = VariableValue.of(elements.stream().map(VariableValue::document).toList());
    return new Shape(
        "benchmark", List.of(childProcess(), parent), PARENT, Map.of("items", collection));
  }

  /** Only the child process: start → service task → end, one process instance per start. */
  public static Shape child() {
    return new Shape("child", List.of(childProcess()), CHILD, Map.of());
  }

  /** start → service task → end, its job completed without variables. */
  public static Shape singleTask() {
    var process =
        ProcessChain.chain(
            TASK, "task-start", "task-end", Step.ServiceTask.of("task", "task-work"));
    return new Shape("single-task", List.of(process), TASK, Map.of());
  }

  /** A shape by its name: {@code benchmark}, {@code child} or {@code single-task}. */
  public static Shape named(String name) {
    return switch (name) {
      case "benchmark" -> benchmark();
      case "child" -> child();
      case "single-task" -> singleTask();
      default ->
          throw new IllegalArgumentException(
              "Unknown shape '%s' (known: benchmark, child, single-task)".formatted(name));
    };
  }

  private static ProcessChain childProcess() {
    return ProcessChain.chain(
        CHILD,
        "child-start",
        "child-end",
        Step.ServiceTask.of("child-task", "child-work")
            .completingWith(Map.of("done", VariableValue.of(true))));
  }
}
