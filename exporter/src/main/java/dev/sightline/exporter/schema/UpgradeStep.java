package dev.sightline.exporter.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step of an index's written upgrade path: how a document of version {@code fromVersion} reads
 * in version {@code fromVersion + 1}. A pure function of the old source: the exporter applies the
 * chain of steps to every document it copies forward from an older version of the index
 * (docs/schema.md, "Versions and aliases"), and may apply it twice to one document (a replay), so
 * it must not depend on anything else.
 *
 * @param description what changed, for the log and the docs, e.g. {@code "added incidentKeys"}
 * @param change the old source (never modified: the step gets a copy) to the new one
 */
public record UpgradeStep(
    int fromVersion, String description, UnaryOperator<Map<String, Object>> change) {

  public UpgradeStep {
    if (fromVersion < 1) {
      throw new IllegalArgumentException(
          "an upgrade step starts at version 1 or later, not " + fromVersion);
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(change, "change");
  }

  /** A new field: every old document gets {@code value} (null: the field stays absent). */
  public static UpgradeStep addField(int fromVersion, Field field, Object value) {
    return new UpgradeStep(
        fromVersion,
        "added " + field.name(),
        source -> {
          if (value != null) {
            source.putIfAbsent(field.name(), value);
          }
          return source;
        });
  }

  /** A new field whose value each old document gives. */
  public static UpgradeStep deriveField(
      int fromVersion,
      Field field,
      java.util.function.Function<Map<String, Object>, Object> value) {
    return new UpgradeStep(
        fromVersion,
        "added " + field.name() + " (derived)",
        source -> {
          var derived = value.apply(source);
          if (derived != null) {
            source.put(field.name(), derived);
          }
          return source;
        });
  }

  /** A field renamed: its value moves, absent stays absent. */
  public static UpgradeStep renameField(int fromVersion, String oldName, Field renamed) {
    return new UpgradeStep(
        fromVersion,
        "renamed " + oldName + " to " + renamed.name(),
        source -> {
          if (source.containsKey(oldName)) {
            source.put(renamed.name(), source.remove(oldName));
          }
          return source;
        });
  }

  /** A field dropped from the mapping: its value is left out. */
  public static UpgradeStep removeField(int fromVersion, String name) {
    return new UpgradeStep(
        fromVersion,
        "removed " + name,
        source -> {
          source.remove(name);
          return source;
        });
  }

  /** The source in version {@code fromVersion + 1}; {@code source} itself is left as it is. */
  public Map<String, Object> apply(Map<String, Object> source) {
    return Objects.requireNonNull(
        change.apply(new LinkedHashMap<>(source)),
        () -> "upgrade step from v" + fromVersion + " (" + description + ") returned null");
  }
}
