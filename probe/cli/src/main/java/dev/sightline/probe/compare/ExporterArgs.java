package dev.sightline.probe.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dotted keys as nested maps ({@code index.prefix=x} → {@code {index: {prefix: x}}}), the shape a
 * broker hands an exporter whose args come from YAML; an exporter that binds its configuration to
 * an object (Zeebe's own) reads only that shape.
 */
final class ExporterArgs {

  private ExporterArgs() {}

  /**
   * @throws IllegalArgumentException if a key is both a value and a map ({@code a=1,a.b=2})
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nested(Map<String, ?> flat) {
    var root = new LinkedHashMap<String, Object>();
    for (var entry : flat.entrySet()) {
      var parts = entry.getKey().split("\\.", -1);
      if (java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException(
            "'%s' is not a key (dot-separated names)".formatted(entry.getKey()));
      }
      var branch = root;
      for (int i = 0; i < parts.length - 1; i++) {
        var child = branch.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        if (!(child instanceof Map)) {
          throw conflict(parts, i);
        }
        branch = (LinkedHashMap<String, Object>) child;
      }
      var last = parts[parts.length - 1];
      if (branch.get(last) instanceof Map) {
        throw conflict(parts, parts.length - 1);
      }
      branch.put(last, entry.getValue());
    }
    return root;
  }

  private static IllegalArgumentException conflict(String[] parts, int depth) {
    var key = String.join(".", java.util.Arrays.copyOfRange(parts, 0, depth + 1));
    return new IllegalArgumentException(
        "%s: given both as a value and as the parent of other keys".formatted(key));
  }
}
