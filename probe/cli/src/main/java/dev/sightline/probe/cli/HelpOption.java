package dev.sightline.probe.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for the commands whose {@code --version} is the engine's ({@link
 * EngineOptions}), which therefore cannot take picocli's standard help options.
 */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
