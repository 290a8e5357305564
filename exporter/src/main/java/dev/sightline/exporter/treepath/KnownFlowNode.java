package dev.sightline.exporter.treepath;

import dev.sightline.exporter.util.HeapEstimate;

/**
 * What a child's path needs of a flow-node instance: its element id (call activities) and its tree
 * path.
 */
public record KnownFlowNode(String elementId, String treePath) {

  /** Heap bytes, roughly (for the bounded cache). */
  long estimatedBytes() {
    return HeapEstimate.OBJECT + HeapEstimate.ofString(elementId) + HeapEstimate.ofString(treePath);
  }
}
