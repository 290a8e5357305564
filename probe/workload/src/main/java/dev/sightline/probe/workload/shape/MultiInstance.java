package dev.sightline.probe.workload.shape;

import java.util.List;

/**
 * Multi-instance loop characteristics of an activity.
 *
 * @param sequential {@code false} for parallel
 * @param inputCollection the FEEL expression written into the BPMN (e.g. {@code =items})
 * @param inputElement the variable each inner instance gets, one element of the collection
 * @param elements what the expression evaluates to, one value per inner instance (the model cannot
 *     evaluate FEEL: the shape states the result, which must match the variables it creates
 *     instances with)
 */
public record MultiInstance(
    boolean sequential, String inputCollection, String inputElement, List<VariableValue> elements) {

  public MultiInstance {
    elements = List.copyOf(elements);
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("A multi-instance activity needs at least one element");
    }
  }

  public static MultiInstance parallel(
      String inputCollection, String inputElement, List<VariableValue> elements) {
    return new MultiInstance(false, inputCollection, inputElement, elements);
  }

  public static MultiInstance sequential(
      String inputCollection, String inputElement, List<VariableValue> elements) {
    return new MultiInstance(true, inputCollection, inputElement, elements);
  }

  public int count() {
    return elements.size();
  }
}
