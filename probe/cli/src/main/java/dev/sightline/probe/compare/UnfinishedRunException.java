package dev.sightline.probe.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * A comparison ran to its end, but at least one variant did not drain within the drain timeout: its
 * figures are incomplete. The run folder is written all the same and says so.
 */
public final class UnfinishedRunException extends Exception {

  private final Path runDir;

  UnfinishedRunException(Path runDir, List<String> variants) {
    super(
        String.join("\n", variants)
            + "\nThe results in "
            + runDir.toAbsolutePath()
            + " are incomplete; a longer --drain-timeout or a lower --rate may let the run finish.");
    this.runDir = runDir;
  }

  /** The run folder, written with the incomplete results. */
  public Path runDir() {
    return runDir;
  }
}
