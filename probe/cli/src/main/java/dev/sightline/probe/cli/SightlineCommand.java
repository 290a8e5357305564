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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
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
