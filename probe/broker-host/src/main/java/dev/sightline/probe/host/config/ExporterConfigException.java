package dev.sightline.probe.host.config;

import java.util.List;

/** The exporter configuration is invalid; the message lists every problem, each naming its key. */
public final class ExporterConfigException extends RuntimeException {

  private final List<String> problems;

  ExporterConfigException(List<String> problems) {
    super("Invalid exporter configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  ExporterConfigException(String problem, Throwable cause) {
    super("Invalid exporter configuration: " + problem, cause);
    this.problems = List.of(problem);
  }

  public List<String> problems() {
    return problems;
  }
}
