package dev.sightline.exporter.treepath;

/**
 * What a child's path needs of a flow-node instance: its element id (call activities) and its tree
 * path.
 */
public record KnownFlowNode(String elementId, String treePath) {}
