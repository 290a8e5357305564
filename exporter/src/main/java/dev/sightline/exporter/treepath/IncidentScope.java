package dev.sightline.exporter.treepath;

import java.util.List;

/**
 * Where an incident sits in the call hierarchy.
 *
 * @param treePath {@code
 *     PI_<root>/FN_<call>/FNI_<callInstance>/…/PI_<key>/FN_<elementId>/FNI_<elementInstanceKey>}
 * @param processInstanceKeys every process instance on the path, root first (the incident's own
 *     last)
 * @param flowNodeInstanceKeys every element instance on the path below those process instances:
 *     calling call activities, enclosing sub-processes and multi-instance bodies, and the
 *     incident's element itself
 */
public record IncidentScope(
    String treePath, List<Long> processInstanceKeys, List<Long> flowNodeInstanceKeys) {

  public IncidentScope {
    processInstanceKeys = List.copyOf(processInstanceKeys);
    flowNodeInstanceKeys = List.copyOf(flowNodeInstanceKeys);
  }
}
