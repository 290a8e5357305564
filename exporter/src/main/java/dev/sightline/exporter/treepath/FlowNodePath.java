package dev.sightline.exporter.treepath;

/**
 * A flow-node instance's tree path ({@code <piKey>/<scope…>/<key>}) and its depth below the process
 * instance.
 */
public record FlowNodePath(String treePath, int level) {

  static FlowNodePath of(String treePath) {
    int separators = 0;
    for (int i = 0; i < treePath.length(); i++) {
      if (treePath.charAt(i) == '/') {
        separators++;
      }
    }
    return new FlowNodePath(treePath, separators);
  }
}
