package dev.sightline.exporter.importers;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Elasticsearch holds about one partition's two-hop import, as plain values: a source gathers
 * them, {@link #status()} decides what they mean — without any client type, so the rule does not
 * change with the client.
 *
 * @param recordIndicesExist whether any record index exists
 * @param recordsOfPartition how many records of the partition the record indices hold
 * @param positionIndices the import-position indices found, one per importer (Operate, Tasklist)
 * @param positions the partition's import-position documents, in any of those indices
 */
public record ImportFacts(
    boolean recordIndicesExist,
    long recordsOfPartition,
    Set<String> positionIndices,
    List<Position> positions) {

  /** One import-position document: one reader of one importer. */
  public record Position(String index, String aliasName, boolean completed) {}

  public ImportFacts {
    positionIndices = Set.copyOf(positionIndices);
    positions = List.copyOf(positions);
  }

  /**
   * Nothing to wait for without a record index, or without a record and a position of the
   * partition. Records of the partition need a position of it in every importer's index before
   * anything counts as done: an importer that has not saved its first position has not started, it
   * is not finished. Then: completed once every reader is.
   */
  public ImportStatus status() {
    if (!recordIndicesExist) {
      return ImportStatus.nothingToWaitFor("no record index");
    }
    if (recordsOfPartition == 0 && positions.isEmpty()) {
      return ImportStatus.nothingToWaitFor("no record and no import position of the partition");
    }
    var completed = (int) positions.stream().filter(Position::completed).count();
    if (recordsOfPartition > 0) {
      var importers = new TreeSet<>(positionIndices);
      positions.forEach(position -> importers.add(position.index()));
      var notStarted = new TreeSet<>(importers);
      positions.forEach(position -> notStarted.remove(position.index()));
      if (importers.isEmpty()) {
        return ImportStatus.waiting(
            completed, positions.size(), "records of the partition, no import-position index yet");
      }
      if (!notStarted.isEmpty()) {
        return ImportStatus.waiting(
            completed,
            positions.size(),
            "records of the partition, no import position of it yet in "
                + String.join(", ", notStarted));
      }
    }
    return ImportStatus.of(completed, positions.size());
  }
}
