package dev.sightline.probe.cli;

import dev.sightline.probe.es.Engine;
import dev.sightline.probe.es.EngineVersion;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which engine, and which version of it, a command starts a node of: {@code --engine} and {@code
 * --version} (alias {@code --es-version}), shared by {@code es}, {@code compare}, {@code run} and
 * {@code throughput}. The version is checked against the engine once both are parsed ({@link
 * #engineVersion}).
 */
final class EngineOptions {

  @Option(
      names = "--engine",
      paramLabel = "<engine>",
      converter = Converters.EngineName.class,
      description = "elasticsearch or opensearch (default: elasticsearch).")
  Engine engine;

  @Option(
      names = {"--version", "--es-version"},
      paramLabel = "<version>",
      description =
          "The engine's version, or its major version: Elasticsearch 9.5.3 (default) or 8.19.21;"
              + " OpenSearch 2.19.6 (default) or 3.9.0.")
  String version;

  /** Whether {@code --engine} or {@code --version} was given. */
  boolean given() {
    return engine != null || version != null;
  }

  /** The engine given, or Elasticsearch. */
  Engine engine() {
    return engine == null ? Engine.ELASTICSEARCH : engine;
  }

  /**
   * The version given for the engine given, or the engine's default.
   *
   * @param command the command whose line it was: a version the engine does not have is a usage
   *     error of it, naming the option as it was spelled, the value and the versions there are
   */
  EngineVersion engineVersion(CommandLine command) {
    var engine = engine();
    if (version == null) {
      return engine.defaultVersion();
    }
    try {
      return engine.parseVersion(version);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          command,
          "Invalid value for option '%s': '%s' is not a supported %s version (%s, or its major version)"
              .formatted(
                  versionOptionGiven(command),
                  version,
                  engine.displayName(),
                  engine.versions().stream()
                      .map(EngineVersion::number)
                      .collect(Collectors.joining(" or "))));
    }
  }

  /** {@code --version} or its alias {@code --es-version}, as the command line spelled it. */
  private static String versionOptionGiven(CommandLine command) {
    var parsed = command.getParseResult();
    var args = parsed == null ? java.util.List.<String>of() : parsed.originalArgs();
    return args.stream()
            .anyMatch(arg -> arg.equals("--es-version") || arg.startsWith("--es-version="))
        ? "--es-version"
        : "--version";
  }
}
