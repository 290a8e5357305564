package dev.sightline.exporter.config;

import dev.sightline.exporter.config.FlatArgs.FlatArg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The args matched against the known settings: the one raw value given for each setting, and an
 * error for every key that matches none (a typo must not fall back to a default unnoticed) and for
 * every setting given twice with different values (YAML and an environment variable may both reach
 * the args map, and nothing there says which should win). A {@code null} value counts as not given.
 */
final class GivenArgs {

  private final Map<Setting<?>, Object> values = new HashMap<>();
  private final Set<Setting<?>> conflicting = new HashSet<>();
  private final List<ConfigError> errors = new ArrayList<>();

  /** Per setting: the leaves that give it whole, and those that give one list item by index. */
  private final Map<Setting<?>, List<FlatArg>> wholes = new HashMap<>();

  private final Map<Setting<?>, TreeMap<Integer, List<FlatArg>>> items = new HashMap<>();

  private GivenArgs() {}

  static GivenArgs match(Map<?, ?> args, List<Setting<?>> settings) {
    var given = new GivenArgs();
    var byPath = new HashMap<List<String>, Setting<?>>();
    settings.forEach(setting -> byPath.put(Keys.path(setting.key()), setting));
    var knownKeys = settings.stream().map(Setting::key).toList();
    for (var arg : FlatArgs.flatten(args)) {
      var path = arg.path();
      var last = path.size() - 1;
      if (byPath.containsKey(path)) {
        if (arg.value() != null) {
          given.wholes.computeIfAbsent(byPath.get(path), s -> new ArrayList<>()).add(arg);
        }
      } else if (last > 0
          && Keys.isIndex(path.get(last))
          && byPath.containsKey(path.subList(0, last))) {
        given
            .items
            .computeIfAbsent(byPath.get(path.subList(0, last)), s -> new TreeMap<>())
            .computeIfAbsent(Integer.parseInt(path.get(last)), i -> new ArrayList<>())
            .add(arg);
      } else {
        given.errors.add(ConfigError.unknown(arg.givenKey(), knownKeys));
      }
    }
    settings.forEach(given::settle);
    return given;
  }

  /** Picks the setting's one value, or reports the conflict. */
  private void settle(Setting<?> setting) {
    var whole = wholes.getOrDefault(setting, List.of());
    var indexed = items.getOrDefault(setting, new TreeMap<>());
    if (whole.isEmpty() && indexed.isEmpty()) {
      return;
    }
    var conflict =
        !whole.isEmpty() && !indexed.isEmpty()
            || differ(whole)
            || indexed.values().stream().anyMatch(GivenArgs::differ);
    if (conflict) {
      conflicting.add(setting);
      var givenKeys =
          Stream.concat(whole.stream(), indexed.values().stream().flatMap(List::stream));
      errors.add(
          ConfigError.givenTwice(
              setting.key(), givenKeys.map(FlatArg::givenKey).sorted().toList()));
    } else if (!whole.isEmpty()) {
      values.put(setting, whole.getFirst().value());
    } else {
      values.put(
          setting,
          indexed.values().stream().map(sameIndex -> sameIndex.getFirst().value()).toList());
    }
  }

  private static boolean differ(List<FlatArg> args) {
    return args.stream().map(FlatArg::value).distinct().count() > 1;
  }

  /**
   * The raw value given for a setting, or {@code null} if it was not given or {@link
   * #isConflicting}.
   */
  Object valueOf(Setting<?> setting) {
    return values.get(setting);
  }

  /** Whether a setting was given twice with different values (and so has no value here). */
  boolean isConflicting(Setting<?> setting) {
    return conflicting.contains(setting);
  }

  /** Unknown keys and conflicting duplicates. */
  List<ConfigError> errors() {
    return List.copyOf(errors);
  }
}
