package dev.sightline.probe.cli;

import dev.sightline.probe.compare.CompareOptions;
import dev.sightline.probe.compare.Comparison;
import dev.sightline.probe.compare.UnfinishedRunException;
import dev.sightline.probe.compare.Variant;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a comparison for {@code compare} and {@code run} and turns its outcome into an exit code: a
 * variant that did not drain is said on standard error and exits with {@link
 * SightlineCommand#EXIT_UNFINISHED}.
 */
final class RunOutcome {

  private RunOutcome() {}

  static int exitCode(CommandSpec command, CompareOptions options, List<Variant> variants)
      throws Exception {
    try {
      Comparison.run(options, variants, System.out, Terminal.progressStyle());
      return 0;
    } catch (UnfinishedRunException e) {
      System.out.flush();
      var err = command.commandLine().getErr();
      err.println(command.qualifiedName() + ": " + e.getMessage());
      err.flush();
      return SightlineCommand.EXIT_UNFINISHED;
    }
  }
}
