package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The drop-in jar carries everything the exporter needs, except what the broker provides. */
public class ExporterJarIT {

  /** Where the build left the shaded jar (set by failsafe). */
  public static Path exporterJar() {
    var jar =
        Path.of(System.getProperty("sightline.exporter.jar", "../exporter/target/missing.jar"));
    assertThat(jar).as("the shaded exporter jar (run 'mvn package' first)").isRegularFile();
    return jar;
  }

  /** Where the build left the two-hop record-index exporter's jar (set by failsafe). */
  public static Path twoHopJar() {
    var jar =
        Path.of(System.getProperty("sightline.two-hop.jar", "../probe/two-hop/target/missing.jar"));
    assertThat(jar).as("the two-hop exporter jar (run 'mvn package' first)").isRegularFile();
    return jar;
  }

  @Test
  void shouldHoldOnlyTheDirectExporterNotTheTwoHopBaselineNorTheRecordCodec() throws Exception {
    try (var jar = new JarFile(exporterJar().toFile())) {
      var classes =
          jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();

      assertThat(classes)
          .as("the two-hop baseline")
          .noneMatch(name -> name.startsWith("dev/sightline/probe/"));
      assertThat(classes)
          .as("nothing of the probe, the two-hop baseline or the record JSON codec")
          .allMatch(
              name ->
                  name.startsWith("dev/sightline/exporter/")
                      || name.startsWith("dev/sightline/shaded/"));
      assertThat(classes)
          .noneMatch(name -> name.contains("RecordIndex") || name.contains("RecordJson"));
    }
  }

  @Test
  void shouldNotContainTheClassesTheBrokerProvides() throws Exception {
    try (var jar = new JarFile(exporterJar().toFile())) {
      var names = jar.stream().map(JarEntry::getName).toList();

      assertThat(names)
          .as("exporter API")
          .noneMatch(name -> name.startsWith("io/camunda/zeebe/exporter/api/"));
      assertThat(names)
          .as("protocol")
          .noneMatch(name -> name.startsWith("io/camunda/zeebe/protocol/"));
      assertThat(names).as("slf4j").noneMatch(name -> name.startsWith("org/slf4j/"));
      assertThat(names).as("micrometer").noneMatch(name -> name.startsWith("io/micrometer/"));
    }
  }

  @Test
  void shouldBundleItsLibrariesRelocatedUnderOnePackage() throws Exception {
    try (var jar = new JarFile(exporterJar().toFile())) {
      var classes =
          jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();

      assertThat(classes).contains("dev/sightline/exporter/SightlineExporter.class");
      assertThat(classes)
          .as("every class is ours or relocated under dev/sightline/shaded")
          .allMatch(name -> name.startsWith("dev/sightline/"));
      for (var library :
          List.of(
              "co/elastic/clients/",
              "org/elasticsearch/client/",
              "com/fasterxml/jackson/",
              "org/HdrHistogram/",
              "io/camunda/zeebe/model/bpmn/",
              "org/apache/http/")) {
        assertThat(classes)
            .as(library)
            .anyMatch(name -> name.startsWith("dev/sightline/shaded/" + library));
      }
    }
  }

  @Test
  void shouldRelocateServiceFilesWithTheirClasses() throws Exception {
    try (var jar = new JarFile(exporterJar().toFile())) {
      var services =
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith("META-INF/services/"))
              .toList();
      assertThat(services).isNotEmpty();
      for (var service : services) {
        var content = new String(jar.getInputStream(jar.getEntry(service)).readAllBytes());
        assertThat(content.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
            .as(service)
            .allMatch(line -> line.strip().startsWith("dev.sightline."));
      }
    }
    assertThat(Files.size(exporterJar())).isGreaterThan(1_000_000);
  }
}
