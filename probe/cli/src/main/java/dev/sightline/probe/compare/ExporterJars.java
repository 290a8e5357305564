package dev.sightline.probe.compare;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jars the broker-like host loads: Sightline's drop-in exporter and the two-hop design's
 * record-index exporter. By default those this build made, found from the project's root.
 */
public record ExporterJars(Path direct, Path twoHop) {

  /** The jars {@code mvn package} leaves for {@code version}, relative to the project root. */
  public static ExporterJars ofBuild(String version) {
    return new ExporterJars(
        Path.of("exporter", "target", "sightline-exporter-" + version + ".jar"),
        Path.of("probe", "two-hop", "target", "sightline-two-hop-" + version + "-exporter.jar"));
  }

  public ExporterJars withDirect(Path jar) {
    return new ExporterJars(jar, twoHop);
  }

  public ExporterJars withTwoHop(Path jar) {
    return new ExporterJars(direct, jar);
  }

  /**
   * @throws MissingJarException when a jar the run needs is missing
   */
  public void requirePresent(boolean directNeeded, boolean twoHopNeeded) {
    if (directNeeded) {
      require(direct, "exporter");
    }
    if (twoHopNeeded) {
      require(twoHop, "two-hop record-index exporter");
    }
  }

  private static void require(Path jar, String what) {
    if (!Files.isRegularFile(jar)) {
      throw new MissingJarException(what, jar);
    }
  }
}
