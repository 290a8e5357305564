package dev.sightline.exporter.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One read-model index: its name, schema version, every field, and the written path from each older
 * version to this one. The version is part of the index name, so a changed mapping gets a new index
 * instead of a conflict with existing data; readers reach every version through the alias {@code
 * <prefix>-<name>} (docs/schema.md, "Versions and aliases").
 *
 * @param upgrades the steps from older versions, at most one per version below {@code version}:
 *     step k turns a version-k document into a version-k+1 one. A version from which the chain to
 *     this one is incomplete is not upgraded (its documents are neither copied nor aliased).
 */
public record IndexDescriptor(
    String name, int version, List<Field> fields, List<UpgradeStep> upgrades) {

  public IndexDescriptor {
    if (version < 1) {
      throw new IllegalArgumentException(name + ": version " + version + " is below 1");
    }
    fields = List.copyOf(fields);
    var seen = new java.util.TreeSet<Integer>();
    for (var step : upgrades) {
      if (step.fromVersion() >= version || !seen.add(step.fromVersion())) {
        throw new IllegalArgumentException(
            name
                + " v"
                + version
                + ": an upgrade step from v"
                + step.fromVersion()
                + " must start below v"
                + version
                + ", and only one may start there");
      }
    }
    upgrades = List.copyOf(upgrades);
  }

  /** An index without older versions to upgrade from. */
  public IndexDescriptor(String name, int version, List<Field> fields) {
    this(name, version, fields, List.of());
  }

  /**
   * The next version of this index: {@code fields} (the whole new list) and the step that turns a
   * document of this version into one of the next. Declaring a schema change is this call, in the
   * index's class ({@code ProcessInstanceIndex.DESCRIPTOR}).
   */
  public IndexDescriptor nextVersion(List<Field> fields, UpgradeStep step) {
    if (step.fromVersion() != version) {
      throw new IllegalArgumentException(
          name + ": the step to v" + (version + 1) + " must start at v" + version);
    }
    var steps = new ArrayList<>(upgrades);
    steps.add(step);
    return new IndexDescriptor(name, version + 1, fields, steps);
  }

  /** {@code <prefix>-<name>-v<version>}, e.g. {@code sightline-process-instance-v2}. */
  public String indexName(String prefix) {
    return prefix + "-" + name + "-v" + version;
  }

  public String templateName(String prefix) {
    return indexName(prefix) + "-template";
  }

  /**
   * {@code <prefix>-<name>}, e.g. {@code sightline-process-instance}: the alias over every version
   * of the index that readers query.
   */
  public String aliasName(String prefix) {
    return prefix + "-" + name;
  }

  /**
   * A wildcard that matches every version's name, and may match other names too (another index
   * whose name continues with {@code -v}): filter what it finds with {@link #versionOf}.
   */
  public String versionsPattern(String prefix) {
    return prefix + "-" + name + "-v*";
  }

  /**
   * The version in {@code indexName} if it is exactly {@code <prefix>-<name>-v<n>} (n without a
   * leading zero); empty for any other name.
   */
  public OptionalInt versionOf(String prefix, String indexName) {
    var matcher =
        Pattern.compile(Pattern.quote(prefix + "-" + name + "-v") + "([1-9][0-9]{0,8})")
            .matcher(indexName);
    return matcher.matches()
        ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
        : OptionalInt.empty();
  }

  /**
   * The chain of steps from {@code oldVersion} to this version as one function, old source → new
   * source; empty if {@code oldVersion} is not below this version or a step on the way is missing.
   */
  public Optional<UnaryOperator<Map<String, Object>>> upgradeFrom(int oldVersion) {
    if (oldVersion >= version) {
      return Optional.empty();
    }
    var chain = new ArrayList<UpgradeStep>();
    for (var from = oldVersion; from < version; from++) {
      var at = from;
      var step = upgrades.stream().filter(s -> s.fromVersion() == at).findFirst();
      if (step.isEmpty()) {
        return Optional.empty();
      }
      chain.add(step.get());
    }
    return Optional.of(
        source -> {
          var upgraded = source;
          for (var step : chain) {
            upgraded = step.apply(upgraded);
          }
          return upgraded;
        });
  }

  /** Whether documents of {@code oldVersion} can be read as this version's (the chain is whole). */
  public boolean upgradesFrom(int oldVersion) {
    return upgradeFrom(oldVersion).isPresent();
  }

  /** Strict: a document with a field the schema does not know is rejected, not silently mapped. */
  public String mappingsJson() {
    return fields.stream()
        .map(field -> "\"" + field.name() + "\":" + field.type().mappingJson())
        .collect(Collectors.joining(",", "{\"dynamic\":\"strict\",\"properties\":{", "}}"));
  }
}
