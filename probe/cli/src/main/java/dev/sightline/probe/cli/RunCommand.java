package dev.sightline.probe.cli;

import dev.sightline.probe.compare.Comparison;
import dev.sightline.probe.compare.Variant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./sightline run --variant direct|two-hop}: one variant alone. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs one variant alone and reports it like compare does.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--variant", required = true, description = "direct or two-hop.")
  String variant;

  @Mixin WorkloadOptions options;

  @Override
  public Integer call() throws Exception {
    Comparison.run(options.toOptions(), List.of(Variant.parse(variant)), System.out);
    return 0;
  }
}
