package dev.sightline.exporter.treepath;

/** Told when a path could not be resolved and a documented fallback was written instead. */
@FunctionalInterface
public interface TreePathFallback {

  enum Kind {
    /** Process instance without paths whose parent's path is unknown: {@code PI_<key>}. */
    PROCESS_INSTANCE,
    /**
     * Flow node without paths whose flow scope's path is unknown: {@code <piKey>/<key>}, level 1.
     */
    FLOW_NODE,
    /**
     * Calling definition unknown: the call activity appears as its numeric index, {@code
     * FN_<index>}.
     */
    CALL_ACTIVITY_ID
  }

  void onFallback(Kind kind, long processDefinitionKey, String bpmnProcessId);
}
