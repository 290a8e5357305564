package dev.sightline.probe.cli;

import dev.sightline.probe.compare.MissingJarException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./sightline}: the probe's commands. The launcher script adds its own ({@code test}, {@code
 * build}, {@code format}, {@code bench}) and lists both in {@code ./sightline --help}.
 */
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
  static final String EXIT_CODES_ERROR =
      "1:Failed (the error on stderr: one line for a missing jar, else with its stack trace).";
  static final String EXIT_CODES_USAGE = "2:Invalid command line (one line on stderr).";
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

  /**
   * The command line as {@link #main} runs it: a bad command line is one line on stderr, exit 2.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new SightlineCommand())
        .setParameterExceptionHandler(SightlineCommand::usageError)
        .setExecutionExceptionHandler(SightlineCommand::failure);
  }

  /** A missing jar is one line that says how to build it; anything else keeps its stack trace. */
  private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof MissingJarException)) {
      throw e;
    }
    var err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    err.flush();
    return command.getCommandSpec().exitCodeOnExecutionException();
  }

  /**
   * {@code sightline run: Invalid value for option '--duration': '5x' is not a duration (…); see
   * ./sightline run --help}: the message names the option, the value and the rule; no usage dump.
   */
  private static int usageError(ParameterException e, String[] args) {
    var command = e.getCommandLine();
    var name = command.getCommandSpec().qualifiedName();
    var message = e.getMessage();
    if (e instanceof UnmatchedArgumentException unmatched
        && command.getCommandSpec().parent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().getFirst().startsWith("-")) {
      message = "unknown command '" + unmatched.getUnmatched().getFirst() + "'";
    }
    var err = command.getErr();
    err.println(name + ": " + message + "; see ./" + name + " --help");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
