package dev.sightline.probe.cli;

import dev.sightline.probe.compare.CompareOptions;
import dev.sightline.probe.compare.Comparison;
import dev.sightline.probe.compare.InvalidVariantException;
import dev.sightline.probe.compare.UnfinishedRunException;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.compare.VariantSpec;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs a comparison for {@code compare} and {@code run} and turns its outcome into an exit code: a
 * variant that did not drain is said on standard error and exits with {@link
 * SightlineCommand#EXIT_UNFINISHED}.
 */
final class RunOutcome {

  private RunOutcome() {}

  /**
   * @throws ParameterException if the variants cannot run as given (a label given twice, a setting
   *     an exporter refuses): a usage error, before anything starts
   */
  static int exitCode(CommandSpec command, CompareOptions options, List<VariantSpec> variants)
      throws Exception {
    try {
      Comparison.run(options, Variant.labelled(variants), System.out, Terminal.progressStyle());
      return 0;
    } catch (InvalidVariantException e) {
      throw new ParameterException(command.commandLine(), e.getMessage(), e);
    } catch (UnfinishedRunException e) {
      System.out.flush();
      var err = command.commandLine().getErr();
      err.println(command.qualifiedName() + ": " + e.getMessage());
      err.flush();
      return SightlineCommand.EXIT_UNFINISHED;
    }
  }
}
