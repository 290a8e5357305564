package dev.sightline.probe.es;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The jars of one engine version, as Maven resolved them when its {@code dist-*} module was built:
 * the server classpath and, for Elasticsearch, apart from it, the netty4 transport module (its "jar
 * hell" check refuses netty on the server classpath). OpenSearch's netty4 plugin is on the server
 * classpath: the node is given its plugin class directly.
 */
record Distribution(EngineVersion version, List<Path> serverJars, List<Path> nettyModuleJars) {

  private static final String RESOURCE_ROOT = "dev/sightline/esdist/";

  static Distribution of(EngineVersion version) {
    var distribution =
        new Distribution(
            version,
            readClasspath(version, "server.classpath"),
            version.engine() == Engine.ELASTICSEARCH
                ? readClasspath(version, "transport-netty4.classpath")
                : List.of());
    distribution.requireJarsPresent();
    return distribution;
  }

  Path nettyModuleJar() {
    return nettyModuleJars.stream()
        .filter(jar -> jar.getFileName().toString().startsWith("transport-netty4-"))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No transport-netty4 jar in the classpath of " + version.displayName()));
  }

  private void requireJarsPresent() {
    for (var jar : serverJars) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            version.displayName()
                + " jar "
                + jar
                + " is missing from the local Maven repository: rebuild with 'mvn package' (or ./sightline build)");
      }
    }
  }

  private static List<Path> readClasspath(EngineVersion version, String name) {
    var resource = RESOURCE_ROOT + version.id() + "/" + name;
    try (InputStream in = Distribution.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Resource "
                + resource
                + " not found: the dist module of "
                + version.displayName()
                + " must be on the classpath (build the project with 'mvn package')");
      }
      var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Arrays.stream(text.split(java.io.File.pathSeparator))
          .filter(entry -> !entry.isBlank())
          .map(Path::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
