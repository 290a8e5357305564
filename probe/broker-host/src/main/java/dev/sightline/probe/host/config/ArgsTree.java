package dev.sightline.probe.host.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an exporter's nested args map from flat properties. Keys are matched like Spring matches
 * them (ignoring case and dashes) and keep the spelling first seen; a later value for the same key
 * replaces the earlier one (environment variables are added after YAML, so they win). A key that is
 * both a value and a parent of other keys is a conflict.
 *
 * <p>Thread-safety: not thread-safe; used during one parse.
 */
final class ArgsTree {

  private final Branch root = new Branch("args");

  /** Adds one argument; conflicts are added to {@code problems}. */
  void put(List<String> keys, ConfigProperty property, List<String> problems) {
    Branch branch = root;
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String uniform = ConfigProperty.uniform(key);
      Node existing = branch.children.get(uniform);
      boolean last = i == keys.size() - 1;
      if (last) {
        if (existing instanceof Branch) {
          problems.add(conflict(property, existing));
          return;
        }
        String spelling = existing == null ? key : ((Leaf) existing).key();
        branch.children.put(uniform, new Leaf(spelling, property));
      } else if (existing instanceof Leaf leaf) {
        problems.add(conflict(property, leaf));
        return;
      } else {
        if (existing == null) {
          existing = new Branch(key);
          branch.children.put(uniform, existing);
        }
        branch = (Branch) existing;
      }
    }
  }

  Map<String, Object> toMap() {
    return root.toMap();
  }

  private static String conflict(ConfigProperty property, Node other) {
    String otherOrigin =
        other instanceof Leaf leaf ? leaf.property().origin() : "nested keys below it";
    return property.origin()
        + " conflicts with "
        + otherOrigin
        + ": an argument cannot be both a value and a map";
  }

  private sealed interface Node permits Branch, Leaf {}

  private record Leaf(String key, ConfigProperty property) implements Node {}

  private static final class Branch implements Node {
    private final String key;
    private final Map<String, Node> children = new LinkedHashMap<>();

    Branch(String key) {
      this.key = key;
    }

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      children
          .values()
          .forEach(
              child -> {
                switch (child) {
                  case Leaf leaf -> map.put(leaf.key(), leaf.property().value());
                  case Branch branch -> map.put(branch.key, branch.toMap());
                }
              });
      return map;
    }
  }
}
