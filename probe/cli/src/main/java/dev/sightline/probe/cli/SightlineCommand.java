package dev.sightline.probe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sightline}: the probe's commands. */
@Command(
    name = "sightline",
    mixinStandardHelpOptions = true,
    versionProvider = SightlineCommand.Version.class,
    description =
        "Sightline: a direct read-model exporter for Zeebe 8.8 and the probe that measures visibility latency.",
    subcommands = {
      CompareCommand.class,
      RunCommand.class,
      ReportCommand.class,
      EsCommand.class,
      ImporterCommand.class,
      ThroughputCommand.class
    })
public final class SightlineCommand implements Runnable {

  /** A comparison ran, but a variant did not drain within the drain timeout. */
  public static final int EXIT_UNFINISHED = 3;

  static final String EXIT_CODES_OK = "0:Done.";
  static final String EXIT_CODES_ERROR = "1:Failed (the error and its stack trace on stderr).";
  static final String EXIT_CODES_USAGE = "2:Invalid command line.";
  static final String EXIT_CODES_UNFINISHED =
      "3:A variant did not drain within --drain-timeout; its results are incomplete.";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The project version, filtered into a resource at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      return new String[] {"sightline " + ProjectVersion.get()};
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SightlineCommand()).execute(args));
  }
}
