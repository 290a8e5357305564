package dev.sightline.exporter.importers;

/**
 * What the two-hop importers' progress means for one partition.
 *
 * @param completedReaders import-position documents of the partition marked completed
 * @param readers all import-position documents of the partition
 * @param detail why, in a few words for the log ({@code 2 of 3 readers completed})
 */
public record ImportStatus(State state, int completedReaders, int readers, String detail) {

  public enum State {
    /**
     * No record index, or no record and no import position of the partition: nothing was ever
     * exported the two-hop way for it.
     */
    NOTHING_TO_WAIT_FOR,
    /**
     * Some reader of the partition has not completed, or the partition has records but an importer
     * has no position for it yet.
     */
    WAITING,
    /** Every reader of the partition has completed. */
    COMPLETED
  }

  public boolean allowsWriting() {
    return state != State.WAITING;
  }

  public static ImportStatus nothingToWaitFor() {
    return nothingToWaitFor("no record index");
  }

  public static ImportStatus nothingToWaitFor(String detail) {
    return new ImportStatus(State.NOTHING_TO_WAIT_FOR, 0, 0, detail);
  }

  /** Waiting, whatever the readers say: an importer has not started on the partition's records. */
  public static ImportStatus waiting(int completedReaders, int readers, String detail) {
    return new ImportStatus(State.WAITING, completedReaders, readers, detail);
  }

  public static ImportStatus of(int completedReaders, int readers) {
    if (readers == 0) {
      return nothingToWaitFor("no import position");
    }
    return new ImportStatus(
        completedReaders == readers ? State.COMPLETED : State.WAITING,
        completedReaders,
        readers,
        completedReaders + " of " + readers + " readers completed");
  }
}
