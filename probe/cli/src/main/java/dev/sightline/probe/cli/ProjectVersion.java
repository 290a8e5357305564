package dev.sightline.probe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version this CLI was built as (filtered into a resource by Maven). */
final class ProjectVersion {

  private ProjectVersion() {}

  static String get() {
    var properties = new Properties();
    try (var in =
        ProjectVersion.class.getResourceAsStream("/dev/sightline/probe/version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "version.properties is missing from the CLI's classes: rebuild with ./sightline build");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
