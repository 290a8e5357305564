package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.flush.ExporterMetadata;
import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import dev.sightline.probe.host.loading.ExporterJarClassLoader;
import io.camunda.zeebe.exporter.api.Exporter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
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

  /** The version the build gave the jar (set by failsafe). */
  static String projectVersion() {
    var version = System.getProperty("sightline.version");
    assertThat(version).as("system property sightline.version (set by failsafe)").isNotBlank();
    return version;
  }

  /** The repository's root folder (set by failsafe). */
  static Path projectRoot() {
    var root = Path.of(System.getProperty("sightline.project.root", ".."));
    assertThat(root.resolve("LICENSE")).as("the repository root").isRegularFile();
    return root;
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
    assertThat(Files.size(exporterJar()))
        .as("the drop-in jar's size (issue 14: at most 10 MB, without elasticsearch-java)")
        .isGreaterThan(1_000_000)
        .isLessThanOrEqualTo(10L * 1024 * 1024);
  }

  /** What an operator sees of the jar: its manifest and the version it logs. */
  @Nested
  class Identity {

    @Test
    void shouldNameItselfAndItsVersionInTheManifest() throws Exception {
      // given
      try (var jar = new JarFile(exporterJar().toFile())) {
        // when
        var manifest = jar.getManifest();
        // then
        assertThat(manifest).as("META-INF/MANIFEST.MF").isNotNull();
        var attributes = manifest.getMainAttributes();
        assertThat(attributes.getValue(Attributes.Name.IMPLEMENTATION_TITLE))
            .isEqualTo("sightline-exporter");
        assertThat(attributes.getValue(Attributes.Name.IMPLEMENTATION_VERSION))
            .isEqualTo(projectVersion());
      }
    }

    @Test
    void shouldLogItsVersionWhenTheBrokerOpensIt() throws Exception {
      // given the drop-in jar loaded as a broker loads it, and no Elasticsearch to reach
      var log = new CapturingLogger();
      var clock = new VirtualClock(1_800_000_000_000L);
      var importersDone = ExporterMetadata.initial().withImportersDone().toJson(new ObjectMapper());
      var args = Map.<String, Object>of("connect", Map.of("url", "http://127.0.0.1:" + freePort()));
      try (var loader =
          ExporterJarClassLoader.of(
              exporterJar(),
              getClass().getClassLoader(),
              ExporterJarClassLoader.ResourceOrder.PARENT_FIRST)) {
        var exporter =
            (Exporter)
                loader
                    .loadClass("dev.sightline.exporter.SightlineExporter")
                    .getConstructor()
                    .newInstance();
        assertThat(exporter.getClass().getClassLoader()).isSameAs(loader);
        exporter.configure(ExporterHarness.context(args, 1, clock, log));
        // when
        try {
          exporter.open(new TestController(clock, -1, importersDone));
        } finally {
          exporter.close();
        }
      }
      // then
      assertThat(log.lines())
          .anyMatch(
              line ->
                  line.startsWith(
                      "INFO Sightline exporter " + projectVersion() + " open on partition 1 "));
    }

    private static int freePort() throws IOException {
      try (var socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }

  /**
   * What the jar bundles and under which licences: its CycloneDX SBOM, each library's own licence
   * files, Sightline's licence, and the list in docs/architecture.md.
   */
  @Nested
  class Licences {

    static final String SBOM = "META-INF/sbom/sightline-exporter.cdx.json";

    /** Licences a bundled library may have (SPDX ids): Apache-2.0 and the permissive ones. */
    static final Set<String> ALLOWED = Set.of("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause");

    private static JsonNode sbom(JarFile jar) throws IOException {
      var entry = jar.getEntry(SBOM);
      assertThat(entry).as(SBOM).isNotNull();
      try (var in = jar.getInputStream(entry)) {
        return new ObjectMapper().readTree(in);
      }
    }

    /** groupId:artifactId of every bundled component, with its licences (id, else name). */
    private static Map<String, List<String>> bundled(JsonNode sbom) {
      var components = new TreeMap<String, List<String>>();
      for (var component : sbom.path("components")) {
        var licences = new ArrayList<String>();
        for (var choice : component.path("licenses")) {
          var licence = choice.path("license");
          licences.add(
              licence.hasNonNull("id")
                  ? licence.get("id").asText()
                  : licence.hasNonNull("name")
                      ? licence.get("name").asText()
                      : choice.path("expression").asText());
        }
        components.put(
            component.path("group").asText() + ":" + component.path("name").asText(), licences);
      }
      return components;
    }

    @Test
    void shouldDescribeTheExporterItself() throws Exception {
      try (var jar = new JarFile(exporterJar().toFile())) {
        var component = sbom(jar).path("metadata").path("component");

        assertThat(component.path("purl").asText())
            .isEqualTo(
                "pkg:maven/dev.sightline/sightline-exporter@" + projectVersion() + "?type=jar");
        assertThat(component.path("licenses").findValuesAsText("id")).containsExactly("Apache-2.0");
      }
    }

    @Test
    void shouldListEveryLibraryTheJarBundles() throws Exception {
      // given
      try (var jar = new JarFile(exporterJar().toFile())) {
        var listed = bundled(sbom(jar)).keySet();
        // when: the libraries whose Maven descriptors the jar carries (all Maven-built ones)
        var descriptor = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
        var carried =
            jar.stream()
                .map(entry -> descriptor.matcher(entry.getName()))
                .filter(matcher -> matcher.matches())
                .map(matcher -> matcher.group(1) + ":" + matcher.group(2))
                .filter(library -> !library.equals("dev.sightline:sightline-exporter"))
                .collect(Collectors.toSet());
        // then
        assertThat(carried).as("libraries in the jar").isNotEmpty();
        assertThat(listed).as("bundled components in the SBOM").containsAll(carried);
        assertThat(listed)
            .as("never what the broker provides")
            .noneMatch(
                library ->
                    library.startsWith("io.camunda:zeebe-exporter-api")
                        || library.startsWith("io.camunda:zeebe-protocol")
                        || library.startsWith("org.slf4j:")
                        || library.startsWith("io.micrometer:"));
      }
    }

    @Test
    void shouldBundleOnlyLibrariesUnderAllowedLicences() throws Exception {
      // given
      try (var jar = new JarFile(exporterJar().toFile())) {
        // when: a library offered under several licences needs one of them allowed
        var refused = new TreeMap<String, List<String>>();
        bundled(sbom(jar))
            .forEach(
                (library, licences) -> {
                  if (licences.stream().noneMatch(ALLOWED::contains)) {
                    refused.put(library, licences);
                  }
                });
        // then
        assertThat(refused).as("bundled libraries whose licences are not in " + ALLOWED).isEmpty();
      }
    }

    @Test
    void shouldCarryItsOwnLicenceAndEachLibrarysLicenceFiles() throws Exception {
      try (var jar = new JarFile(exporterJar().toFile())) {
        var license = jar.getEntry("META-INF/LICENSE");
        assertThat(license).as("META-INF/LICENSE").isNotNull();
        try (var in = jar.getInputStream(license)) {
          assertThat(in.readAllBytes())
              .as("Sightline's LICENSE (Apache-2.0)")
              .isEqualTo(Files.readAllBytes(projectRoot().resolve("LICENSE")));
        }

        var names = jar.stream().map(JarEntry::getName).toList();
        bundled(sbom(jar))
            .forEach(
                (library, licences) -> {
                  var folder =
                      "META-INF/third-party/" + library.substring(library.indexOf(':') + 1);
                  var ownFiles =
                      names.stream().filter(name -> name.startsWith(folder + "/LICENSE"));
                  // Apache-2.0 libraries that ship no licence file are covered by META-INF/LICENSE.
                  assertThat(
                          ownFiles.findAny().isPresent() || licences.equals(List.of("Apache-2.0")))
                      .as("%s (%s): its licence file in %s/", library, licences, folder)
                      .isTrue();
                });
        assertThat(names)
            .as("neither elasticsearch-java nor the EPL-licensed jakarta.json and parsson")
            .noneMatch(
                name ->
                    name.contains("co/elastic/clients")
                        || name.contains("jakarta/json")
                        || name.contains("parsson"));
      }
    }

    @Test
    void shouldNameEveryBundledLibraryAndItsLicenceInTheArchitectureDoc() throws Exception {
      // given
      Map<String, List<String>> bundled;
      try (var jar = new JarFile(exporterJar().toFile())) {
        bundled = bundled(sbom(jar));
      }
      var expected =
          bundled.entrySet().stream()
              .map(e -> "| `" + e.getKey() + "` | " + String.join(" or ", e.getValue()) + " |")
              .toList();
      // when
      var row = Pattern.compile("\\| `[^`:]+:[^`]+` \\| .* \\|");
      var documented =
          Files.readAllLines(projectRoot().resolve("docs/architecture.md")).stream()
              .filter(line -> row.matcher(line).matches())
              .toList();
      // then
      assertThat(documented)
          .as(
              "the bundled libraries in docs/architecture.md; the SBOM says:%n%s",
              String.join("\n", expected))
          .containsExactlyElementsOf(expected);
    }
  }
}
