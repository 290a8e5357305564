package dev.sightline.probe.workload.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One process instance: a root, or a child called by a call activity instance of its parent (always
 * on the caller's partition). Holds what the tree fields of its elements need: the ancestors'
 * element-instance paths, the definition path and the calling-element path.
 *
 * <p>Not thread-safe: owned by one partition's engine.
 */
final class ProcessInstance {

  final long key;
  final DeployedChain definition;

  /** The calling call activity instance, {@code null} for a root instance. */
  final ElementInstance caller;

  final List<List<Long>> ancestorPaths;
  final List<Long> definitionPath;
  final List<Integer> callingPath;

  /** The instance of the process element itself. */
  final ElementInstance element;

  private ProcessInstance(long key, DeployedChain definition, ElementInstance caller) {
    this.key = key;
    this.definition = definition;
    this.caller = caller;
    if (caller == null) {
      ancestorPaths = List.of();
      definitionPath = List.of(definition.key());
      callingPath = List.of();
    } else {
      ProcessInstance parent = caller.process;
      ancestorPaths = append(parent.ancestorPaths, caller.levelPath());
      definitionPath = append(parent.definitionPath, definition.key());
      callingPath = append(parent.callingPath, parent.definition.callingIndex(caller.node.id()));
    }
    this.element = ElementInstance.processElement(this);
  }

  static ProcessInstance root(long key, DeployedChain definition) {
    return new ProcessInstance(key, definition, null);
  }

  static ProcessInstance child(long key, DeployedChain definition, ElementInstance caller) {
    return new ProcessInstance(key, definition, caller);
  }

  long parentKey() {
    return caller == null ? -1 : caller.process.key;
  }

  long parentElementKey() {
    return caller == null ? -1 : caller.key;
  }

  /**
   * {@code elementInstancePath} of an element of this instance: the ancestors' paths, then its own.
   */
  List<List<Long>> elementInstancePath(ElementInstance element) {
    return append(ancestorPaths, element.levelPath());
  }

  private static <T> List<T> append(List<T> list, T last) {
    var copy = new ArrayList<T>(list.size() + 1);
    copy.addAll(list);
    copy.add(last);
    return List.copyOf(copy);
  }
}
