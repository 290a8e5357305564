package dev.sightline.it.retention;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The call hierarchies in a log, from its records alone: which instance called which, and when each
 * root instance ended — what a test expects retention to remove, derived independently of the read
 * model.
 */
final class Hierarchies {

  /** Instance key → calling instance key, for every called instance. */
  private final Map<Long, Long> callers = new HashMap<>();

  /** Root instance key → when it ended (record timestamp), for roots that ended. */
  final Map<Long, Long> rootEnds = new TreeMap<>();

  /** Called instance key → when it ended, for called instances that ended. */
  final Map<Long, Long> calledEnds = new TreeMap<>();

  /** Every root instance started. */
  final Set<Long> roots = new HashSet<>();

  static Hierarchies of(Iterable<Record<?>> records) {
    var hierarchies = new Hierarchies();
    for (var record : records) {
      if (record.getValueType() == ValueType.PROCESS_INSTANCE
          && record.getValue() instanceof ProcessInstanceRecordValue value
          && value.getBpmnElementType() == BpmnElementType.PROCESS) {
        var key = value.getProcessInstanceKey();
        var root = value.getParentProcessInstanceKey() <= 0;
        switch ((ProcessInstanceIntent) record.getIntent()) {
          case ELEMENT_ACTIVATING -> {
            if (root) {
              hierarchies.roots.add(key);
            } else {
              hierarchies.callers.put(key, value.getParentProcessInstanceKey());
            }
          }
          case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
            (root ? hierarchies.rootEnds : hierarchies.calledEnds).put(key, record.getTimestamp());
          }
          default -> {}
        }
      }
    }
    return hierarchies;
  }

  /** Every instance of the hierarchies of these roots, the roots included. */
  Set<Long> instancesUnder(Set<Long> rootKeys) {
    var instances = new HashSet<>(rootKeys);
    for (var called : callers.keySet()) {
      var top = called;
      while (callers.containsKey(top)) {
        top = callers.get(top);
      }
      if (rootKeys.contains(top)) {
        instances.add(called);
      }
    }
    return instances;
  }

  /** Roots that ended before {@code millis}. */
  Set<Long> rootsEndedBefore(long millis) {
    var ended = new HashSet<Long>();
    rootEnds.forEach(
        (root, end) -> {
          if (end < millis) {
            ended.add(root);
          }
        });
    return ended;
  }

  /**
   * The read model without every document of these instances: theirs in {@code process-instance},
   * and those whose {@code processInstanceKey} is one of them elsewhere.
   */
  static Map<String, Map<String, Map<String, Object>>> without(
      Map<String, Map<String, Map<String, Object>>> readModel, Set<Long> instances) {
    var kept = new TreeMap<String, Map<String, Map<String, Object>>>();
    readModel.forEach(
        (index, documents) -> {
          var left = new TreeMap<String, Map<String, Object>>();
          documents.forEach(
              (id, document) -> {
                var owner =
                    index.equals("process-instance")
                        ? Long.valueOf(id)
                        : document.get("processInstanceKey") instanceof Number n
                            ? n.longValue()
                            : null;
                if (owner == null || !instances.contains(owner)) {
                  left.put(id, document);
                }
              });
          kept.put(index, left);
        });
    return kept;
  }
}
