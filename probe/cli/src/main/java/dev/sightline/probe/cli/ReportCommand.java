package dev.sightline.probe.cli;

import dev.sightline.probe.report.ComparisonTable;
import dev.sightline.probe.report.RunFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./sightline report <dir>}: re-renders a finished run from its .hlog files and
 * summary.json.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Re-renders report.html of a finished run and prints its table.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      converter = Converters.RunFolder.class,
      description = "The run folder, e.g. target/sightline/20261128-053000.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    var run = RunFiles.read(dir);
    RunFiles.write(dir, run);
    System.out.print(ComparisonTable.render(run));
    System.out.printf("%nRe-rendered %s%n", dir.resolve("report.html").toAbsolutePath());
    return 0;
  }
}
