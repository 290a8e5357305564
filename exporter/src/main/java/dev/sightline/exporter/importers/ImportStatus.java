package dev.sightline.exporter.importers;

/**
 * What the two-hop importers' progress means for one partition.
 *
 * @param completedReaders import-position documents of the partition marked completed
 * @param readers all import-position documents of the partition
 */
public record ImportStatus(State state, int completedReaders, int readers) {

  public enum State {
    /**
     * No record index, or no import position for the partition: a fresh install, nothing to wait
     * for.
     */
    NOTHING_TO_WAIT_FOR,
    /** Some reader of the partition has not completed. */
    WAITING,
    /** Every reader of the partition has completed. */
    COMPLETED
  }

  public boolean allowsWriting() {
    return state != State.WAITING;
  }

  public static ImportStatus nothingToWaitFor() {
    return new ImportStatus(State.NOTHING_TO_WAIT_FOR, 0, 0);
  }

  public static ImportStatus of(int completedReaders, int readers) {
    if (readers == 0) {
      return nothingToWaitFor();
    }
    return new ImportStatus(
        completedReaders == readers ? State.COMPLETED : State.WAITING, completedReaders, readers);
  }
}
