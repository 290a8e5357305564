package dev.sightline.exporter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flattens the broker's args tree into leaves, so nested maps ({@code bulk: {size: 5}}), dotted
 * keys ({@code bulk.size: 5}) and any mix of the two look alike. Each leaf keeps the key as given,
 * for messages the operator can find in their own configuration.
 */
final class FlatArgs {

  /**
   * One leaf: the key path as given ({@code connect.url[0]}), its normalized path, and its value.
   */
  record FlatArg(String givenKey, List<String> path, Object value) {}

  private FlatArgs() {}

  static List<FlatArg> flatten(Map<?, ?> args) {
    var leaves = new ArrayList<FlatArg>();
    flatten(args, "", List.of(), leaves);
    return leaves;
  }

  private static void flatten(
      Map<?, ?> map, String givenPrefix, List<String> pathPrefix, List<FlatArg> leaves) {
    for (var entry : map.entrySet()) {
      var key = String.valueOf(entry.getKey());
      var givenKey = givenPrefix.isEmpty() ? key : givenPrefix + "." + key;
      var path = new ArrayList<>(pathPrefix);
      path.addAll(Keys.path(key));
      if (entry.getValue() instanceof Map<?, ?> nested) {
        flatten(nested, givenKey, List.copyOf(path), leaves);
      } else {
        leaves.add(new FlatArg(givenKey, List.copyOf(path), entry.getValue()));
      }
    }
  }
}
