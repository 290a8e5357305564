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
 * The jars of one Elasticsearch version, as Maven resolved them when the {@code es-dist} module was
 * built: the server classpath and, apart from it, the netty4 transport module.
 */
record Distribution(
    ElasticsearchVersion version, List<Path> serverJars, List<Path> nettyModuleJars) {

  private static final String RESOURCE_ROOT = "dev/sightline/esdist/";

  static Distribution of(ElasticsearchVersion version) {
    var distribution =
        new Distribution(
            version,
            readClasspath(version, "server.classpath"),
            readClasspath(version, "transport-netty4.classpath"));
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
                    "No transport-netty4 jar in the classpath of Elasticsearch " + version));
  }

  private void requireJarsPresent() {
    for (var jar : serverJars) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "Elasticsearch "
                + version
                + " jar "
                + jar
                + " is missing from the local Maven repository: rebuild with 'mvn package' (or ./sightline build)");
      }
    }
  }

  private static List<Path> readClasspath(ElasticsearchVersion version, String name) {
    var resource = RESOURCE_ROOT + version.number() + "/" + name;
    try (InputStream in = Distribution.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Resource "
                + resource
                + " not found: the sightline-es-dist module for Elasticsearch "
                + version
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
