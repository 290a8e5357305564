package dev.sightline.probe.cli;

import dev.sightline.probe.compare.VariantSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./sightline run --variant <variant>}: one variant alone. */
@Command(
    name = "run",
    description = "Runs one variant alone and reports it like compare does.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      SightlineCommand.EXIT_CODES_OK,
      SightlineCommand.EXIT_CODES_ERROR,
      SightlineCommand.EXIT_CODES_USAGE,
      SightlineCommand.EXIT_CODES_UNFINISHED
    })
final class RunCommand implements Callable<Integer> {

  @Option(
      names = "--variant",
      required = true,
      paramLabel = "<variant>",
      converter = Converters.VariantOption.class,
      description = {
        "The variant to run, as compare takes it.",
        VariantHelp.NAMED,
        VariantHelp.OTHER,
        VariantHelp.LABEL
      })
  VariantSpec variant;

  @Mixin HelpOption help;

  @Mixin WorkloadOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return RunOutcome.exitCode(spec, options.toOptions(spec.commandLine()), List.of(variant));
  }
}
