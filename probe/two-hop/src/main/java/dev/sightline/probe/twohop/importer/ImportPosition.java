package dev.sightline.probe.twohop.importer;

/**
 * One reader's progress, as the 8.6 importers kept it: one document per (partition, value-type
 * alias).
 *
 * @param aliasName the record alias read, e.g. {@code zeebe-record-process-instance}
 * @param position the position of the last imported record
 * @param sequence the sequence of the last imported record (the reader continues after it)
 * @param indexName the record index the last record came from
 * @param completed whether the reader has imported everything there is (see {@code
 *     docs/two-hop.md})
 */
public record ImportPosition(
    String aliasName,
    int partitionId,
    long position,
    long sequence,
    String indexName,
    boolean completed) {

  public static ImportPosition start(String aliasName, int partitionId) {
    return new ImportPosition(aliasName, partitionId, -1, -1, "", false);
  }

  /** {@code <partitionId>-<aliasName>}. */
  public String id() {
    return partitionId + "-" + aliasName;
  }

  public ImportPosition imported(long lastPosition, long lastSequence, String lastIndex) {
    return new ImportPosition(
        aliasName, partitionId, lastPosition, lastSequence, lastIndex, completed);
  }

  public ImportPosition markCompleted() {
    return new ImportPosition(aliasName, partitionId, position, sequence, indexName, true);
  }
}
