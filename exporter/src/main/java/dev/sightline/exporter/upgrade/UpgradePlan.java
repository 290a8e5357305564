package dev.sightline.exporter.upgrade;

import dev.sightline.exporter.schema.ReadModelSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which older versions of the schema's indices a partition empties into the current ones, in order:
 * per index, the newest older version first, so that a document left in two of them (a crash in an
 * earlier upgrade) is taken from the newer. An index counts as a version only by its exact name
 * ({@code IndexDescriptor#versionOf}); an older version without a whole chain of upgrade steps to
 * the current one is not moved, and said so.
 *
 * @param moves the older versions to empty, in order
 * @param withoutPath one sentence per older version that cannot be upgraded
 */
record UpgradePlan(List<Move> moves, List<String> withoutPath) {

  /** One older version of an index, emptied into the current one through {@code upgrade}. */
  record Move(
      String from, int fromVersion, String to, UnaryOperator<Map<String, Object>> upgrade) {}

  static UpgradePlan of(ReadModelSchema schema, Collection<String> existing) {
    var moves = new ArrayList<Move>();
    var withoutPath = new ArrayList<String>();
    for (var current : schema.indices()) {
      var older = new ArrayList<Move>();
      for (var index : existing) {
        var version = current.versionOf(schema.prefix(), index);
        if (version.isEmpty() || version.getAsInt() >= current.version()) {
          continue;
        }
        var upgrade = current.upgradeFrom(version.getAsInt());
        if (upgrade.isEmpty()) {
          withoutPath.add(
              "index "
                  + index
                  + " is version "
                  + version.getAsInt()
                  + " of "
                  + current.name()
                  + ", but no upgrade step leads from it to v"
                  + current.version()
                  + ": its documents are neither moved nor read through the alias "
                  + current.aliasName(schema.prefix()));
        } else {
          older.add(
              new Move(
                  index, version.getAsInt(), current.indexName(schema.prefix()), upgrade.get()));
        }
      }
      older.sort(Comparator.comparingInt(Move::fromVersion).reversed());
      moves.addAll(older);
    }
    return new UpgradePlan(List.copyOf(moves), List.copyOf(withoutPath));
  }
}
