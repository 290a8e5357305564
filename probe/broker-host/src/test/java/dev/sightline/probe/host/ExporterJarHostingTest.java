package dev.sightline.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.host.actor.VirtualTimeScheduler;
import dev.sightline.probe.host.config.ExporterConfigs;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.loading.ContextClassLoaderPolicy;
import dev.sightline.probe.host.loading.ExporterJarClassLoader;
import dev.sightline.probe.host.loading.ExporterJarClassLoader.ResourceOrder;
import dev.sightline.probe.host.loading.ExporterLoadException;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.host.testjar.JarProbe;
import dev.sightline.probe.host.testjar.JarProbe.Event;
import dev.sightline.probe.host.testjar.JarProbeExporter;
import dev.sightline.probe.host.testjar.SharedMarker;
import io.camunda.zeebe.exporter.api.Exporter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads a real exporter jar, built at test time, the way the broker does. */
class ExporterJarHostingTest {

  private static final ClassLoader HOST_LOADER = ExporterJarHostingTest.class.getClassLoader();
  private static final String EXPORTER_CLASS = JarProbeExporter.class.getName();

  @TempDir Path directory;

  private final String probeId = UUID.randomUUID().toString();
  private final VirtualTimeScheduler time =
      new VirtualTimeScheduler(Instant.parse("2026-01-01T00:00:00Z"));
  private Path jar;
  private BrokerHost host;

  @BeforeEach
  void writeJar() {
    jar =
        new TestJar()
            .withClass(JarProbeExporter.class)
            .withClass(SharedMarker.class)
            .withClassBytesOf(String.class)
            .writeTo(directory.resolve("probe-exporter.jar"));
  }

  @AfterEach
  void closeHost() {
    if (host != null) {
      host.close();
    }
    time.close();
  }

  private BrokerHost start(ContextClassLoaderPolicy policy, Map<String, Object> args) {
    host =
        BrokerHost.builder()
            .exporter(ExporterDescriptor.inJar("probe", EXPORTER_CLASS, jar, withProbeId(args)))
            .scheduler(time)
            .hostClassLoader(HOST_LOADER)
            .contextClassLoaderPolicy(policy)
            .build();
    return host;
  }

  private Map<String, Object> withProbeId(Map<String, Object> args) {
    var all = new java.util.LinkedHashMap<>(args);
    all.put("probeId", probeId);
    return all;
  }

  private void runThroughLifecycle() {
    HostedPartition partition =
        host.startPartition(2, ListRecordSource.of(TestRecords.processInstances(1, 2)));
    time.runUntilIdle();
    time.advanceBy(Duration.ofMillis(100));
    partition.stop();
    host.purge();
  }

  @Nested
  class ClassLoading {

    @Test
    void shouldLoadTheJarsOwnCopyOfAClassTheHostAlsoHas() {
      // given
      start(ContextClassLoaderPolicy.BROKER, Map.of());

      // when
      host.startPartition(1, ListRecordSource.of());
      time.runUntilIdle();

      // then
      Event configure = JarProbe.events(probeId, "configure").getFirst();
      ClassLoader jarLoader = configure.loaders().get("self");
      assertThat(jarLoader).isInstanceOf(ExporterJarClassLoader.class);
      assertThat(configure.loaders().get("marker"))
          .as("SharedMarker is in the jar and on the host's classpath: child-first takes the jar's")
          .isSameAs(jarLoader)
          .isNotSameAs(SharedMarker.class.getClassLoader());
    }

    @Test
    void shouldTakeApiProtocolLoggingAndMetricsClassesFromTheHost() {
      // given
      start(ContextClassLoaderPolicy.BROKER, Map.of());

      // when
      Event configure = JarProbe.events(probeId, "configure").getFirst();

      // then
      assertThat(configure.loaders())
          .containsEntry("exporterApi", HOST_LOADER)
          .containsEntry("protocol", HOST_LOADER)
          .containsEntry("slf4j", HOST_LOADER)
          .containsEntry("micrometer", HOST_LOADER);
    }

    @Test
    void shouldLoadJavaClassesFromTheSystemEvenWhenTheJarContainsThem() throws Exception {
      // given
      start(ContextClassLoaderPolicy.BROKER, Map.of());
      ClassLoader jarLoader =
          JarProbe.events(probeId, "configure").getFirst().loaders().get("self");

      // when
      Class<?> string = jarLoader.loadClass("java.lang.String");

      // then
      assertThat(jarLoader.getResource("java/lang/String.class"))
          .as("the jar has a copy")
          .isNotNull();
      assertThat(string).isSameAs(String.class);
    }

    @Test
    void shouldLookUpResourcesParentFirstLikeTheBrokerUnlessAskedOtherwise() throws Exception {
      // given
      String resource = SharedMarker.class.getName().replace('.', '/') + ".class";

      // when
      try (var parentFirst =
              ExporterJarClassLoader.of(jar, HOST_LOADER, ResourceOrder.PARENT_FIRST);
          var childFirst = ExporterJarClassLoader.of(jar, HOST_LOADER, ResourceOrder.CHILD_FIRST)) {

        // then
        assertThat(parentFirst.getResource(resource).getProtocol()).isEqualTo("file");
        assertThat(childFirst.getResource(resource).getProtocol()).isEqualTo("jar");
        assertThat(java.util.Collections.list(childFirst.getResources(resource)))
            .extracting(java.net.URL::getProtocol)
            .containsExactly("jar", "file");
      }
    }

    @Test
    void shouldRejectAJarThatBundlesItsOwnExporterApi() {
      // given
      Path bundling =
          new TestJar()
              .withClass(JarProbeExporter.class)
              .withClass(SharedMarker.class)
              .withClassBytesOf(Exporter.class)
              .writeTo(directory.resolve("bundling.jar"));

      // when / then
      assertThatThrownBy(
              () ->
                  BrokerHost.builder()
                      .exporter(
                          ExporterDescriptor.inJar("bundling", EXPORTER_CLASS, bundling, Map.of()))
                      .hostClassLoader(HOST_LOADER)
                      .scheduler(time)
                      .build())
          .isInstanceOf(ExporterLoadException.class)
          .hasMessageContaining("Exporter 'bundling'")
          .hasMessageContaining("different copy")
          .hasMessageContaining("must not bundle the exporter API");
    }

    @Test
    void shouldNameTheExporterWhenTheClassOrJarIsMissing() {
      assertThatThrownBy(
              () ->
                  BrokerHost.builder()
                      .exporter(
                          ExporterDescriptor.inJar("typo", "dev.sightline.Nope", jar, Map.of()))
                      .scheduler(time)
                      .build())
          .isInstanceOf(ExporterLoadException.class)
          .hasMessageContaining("Exporter 'typo' cannot load class dev.sightline.Nope from jar");
      assertThatThrownBy(
              () ->
                  BrokerHost.builder()
                      .exporter(
                          ExporterDescriptor.inJar(
                              "gone", EXPORTER_CLASS, directory.resolve("gone.jar"), Map.of()))
                      .scheduler(time)
                      .build())
          .isInstanceOf(ExporterLoadException.class)
          .hasMessageContaining("Exporter 'gone' jarPath")
          .hasMessageContaining("does not exist");
    }
  }

  @Nested
  class ContextClassLoader {

    @Test
    void shouldSetTheJarLoaderAroundEveryCallWhenAskedTo() {
      // given
      start(ContextClassLoaderPolicy.EVERY_CALL, Map.of());

      // when
      runThroughLifecycle();

      // then
      List<Event> events = JarProbe.events(probeId);
      ClassLoader jarLoader = events.getFirst().loaders().get("self");
      assertThat(events)
          .extracting(Event::call)
          .contains("configure", "open", "export", "scheduledTask", "close", "purge");
      assertThat(events)
          .allSatisfy(
              event -> assertThat(event.contextLoader()).as(event.call()).isSameAs(jarLoader));
      assertThat(Thread.currentThread().getContextClassLoader())
          .as("restored")
          .isNotSameAs(jarLoader);
    }

    @Test
    void shouldSetTheJarLoaderOnlyWhereTheBrokerDoesByDefault() {
      // given
      start(ContextClassLoaderPolicy.BROKER, Map.of());

      // when
      runThroughLifecycle();

      // then
      List<Event> events = JarProbe.events(probeId);
      ClassLoader jarLoader = events.getFirst().loaders().get("self");
      assertThat(events)
          .filteredOn(event -> event.partitionId() != BrokerHost.PURGE_PARTITION_ID)
          .extracting(Event::call)
          .containsExactly(
              "configure", "configure", "open", "export", "export", "scheduledTask", "close");
      assertThat(events)
          .filteredOn(event -> event.partitionId() != BrokerHost.PURGE_PARTITION_ID)
          .allSatisfy(
              event ->
                  assertThat(event.contextLoader())
                      .as(event.call() + " on partition " + event.partitionId())
                      .isSameAs(event.call().equals("scheduledTask") ? HOST_LOADER : jarLoader));
      assertThat(events)
          .filteredOn(event -> event.partitionId() == BrokerHost.PURGE_PARTITION_ID)
          .extracting(Event::call)
          .containsExactly("configure", "purge", "close");
      assertThat(events)
          .filteredOn(event -> event.partitionId() == BrokerHost.PURGE_PARTITION_ID)
          .allSatisfy(
              event ->
                  assertThat(event.contextLoader())
                      .as("purge runs on the caller's loader")
                      .isSameAs(Thread.currentThread().getContextClassLoader()));
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void shouldConfigureAThrowAwayInstanceFirstThenTheRealOne() {
      // given
      start(ContextClassLoaderPolicy.BROKER, Map.of());

      // when
      host.startPartition(3, ListRecordSource.of(TestRecords.processInstances(5)));
      time.runUntilIdle();

      // then
      List<Event> events = JarProbe.events(probeId);
      assertThat(events)
          .extracting(Event::call)
          .containsExactly("configure", "configure", "open", "export");
      assertThat(events.get(0).partitionId()).isEqualTo(Integer.MIN_VALUE);
      assertThat(events.get(1).partitionId()).isEqualTo(3);
      assertThat(events.get(1).instance())
          .as("a new instance")
          .isNotEqualTo(events.get(0).instance());
      assertThat(events.subList(1, 4))
          .extracting(Event::instance)
          .containsOnly(events.get(1).instance());
      assertThat(host.acknowledgedPosition(3, "probe")).isEqualTo(5);
    }

    @Test
    void shouldFailTheStartWithTheExportersMessageWhenValidationThrows() {
      assertThatThrownBy(
              () ->
                  start(
                      ContextClassLoaderPolicy.BROKER,
                      Map.of("failValidation", "bulk.size must be > 0")))
          .isInstanceOf(ExporterLoadException.class)
          .hasMessageContaining("Exporter 'probe' failed validation: bulk.size must be > 0")
          .hasRootCauseMessage("bulk.size must be > 0");
    }

    @Test
    void shouldRunTheScheduledTaskOnTheExportThreadWhenItsTimeComes() {
      // given
      start(ContextClassLoaderPolicy.BROKER, Map.of("taskDelayMillis", "250"));
      host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1)));
      time.runUntilIdle();

      // when
      time.advanceBy(Duration.ofMillis(249));
      List<Event> before = JarProbe.events(probeId, "scheduledTask");
      time.advanceBy(Duration.ofMillis(1));

      // then
      assertThat(before).isEmpty();
      assertThat(JarProbe.events(probeId, "scheduledTask"))
          .singleElement()
          .extracting(Event::thread)
          .isEqualTo(JarProbe.events(probeId, "export").getFirst().thread());
    }
  }

  @Test
  void shouldLoadTheJarFromABrokerYamlConfiguration() {
    // given
    String yaml =
        """
        zeebe:
          broker:
            exporters:
              probe:
                className: %s
                jarPath: probe-exporter.jar
                args:
                  probeId: %s
                  taskDelayMillis: 50
        """
            .formatted(EXPORTER_CLASS, probeId);
    host =
        BrokerHost.builder()
            .exporters(ExporterConfigs.fromYaml(yaml, directory))
            .scheduler(time)
            .hostClassLoader(HOST_LOADER)
            .build();

    // when
    HostedPartition partition =
        host.startPartition(1, ListRecordSource.of(TestRecords.processInstances(1, 2, 3)));
    time.advanceBy(Duration.ofMillis(50));

    // then
    assertThat(partition.deliveredPosition()).isEqualTo(3);
    assertThat(JarProbe.events(probeId, "export"))
        .extracting(Event::position)
        .containsExactly(1L, 2L, 3L);
    assertThat(JarProbe.events(probeId, "scheduledTask")).hasSize(1);
    assertThat(host.acknowledgedPosition(1, "probe")).isEqualTo(3);
  }
}
