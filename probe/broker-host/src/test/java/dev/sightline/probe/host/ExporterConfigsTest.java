package dev.sightline.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.host.config.ExporterConfigException;
import dev.sightline.probe.host.config.ExporterConfigs;
import dev.sightline.probe.host.config.ExporterDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExporterConfigsTest {

  private static final Path BROKER_HOME = Path.of("/usr/local/zeebe");

  @Nested
  class Yaml {

    @Test
    void shouldReadTheNestedForm() {
      // given
      String yaml =
          """
          zeebe:
            broker:
              network:
                host: 0.0.0.0
              exporters:
                sightline:
                  className: dev.sightline.exporter.SightlineExporter
                  jarPath: exporters/sightline.jar
                  args:
                    url: http://localhost:9200
                    bulk:
                      size: 10
                      delay: PT1S
                    enabled: true
          """;

      // when
      List<ExporterDescriptor> exporters = ExporterConfigs.fromYaml(yaml, BROKER_HOME);

      // then
      assertThat(exporters)
          .singleElement()
          .satisfies(
              exporter -> {
                assertThat(exporter.id()).isEqualTo("sightline");
                assertThat(exporter.className())
                    .isEqualTo("dev.sightline.exporter.SightlineExporter");
                assertThat(exporter.jarPath())
                    .contains(Path.of("/usr/local/zeebe/exporters/sightline.jar"));
                assertThat(exporter.args())
                    .isEqualTo(
                        Map.of(
                            "url",
                            "http://localhost:9200",
                            "bulk",
                            Map.of("size", 10, "delay", "PT1S"),
                            "enabled",
                            true));
              });
    }

    @Test
    void shouldReadDottedKeysAndSeveralExporters() {
      // given
      String yaml =
          """
          zeebe.broker.exporters.sightline.className: dev.sightline.exporter.SightlineExporter
          zeebe.broker.exporters.sightline.args.bulk.size: 10
          zeebe.broker:
            exporters.audit:
              class-name: com.example.AuditExporter
          """;

      // when
      List<ExporterDescriptor> exporters = ExporterConfigs.fromYaml(yaml, BROKER_HOME);

      // then
      assertThat(exporters)
          .extracting(ExporterDescriptor::id)
          .containsExactly("sightline", "audit");
      assertThat(exporters.get(0).args()).isEqualTo(Map.of("bulk", Map.of("size", 10)));
      assertThat(exporters.get(0).jarPath()).isEmpty();
      assertThat(exporters.get(1).className()).isEqualTo("com.example.AuditExporter");
      assertThat(exporters.get(1).args()).isEmpty();
    }

    @Test
    void shouldTurnListsIntoIndexedMapsAsSpringDoes() {
      // given
      String yaml =
          """
          zeebe.broker.exporters.sightline:
            className: X
            args:
              hosts: [a, b]
              'tags[0]': x
          """;

      // when
      Map<String, Object> args = ExporterConfigs.fromYaml(yaml, BROKER_HOME).getFirst().args();

      // then
      assertThat(args)
          .isEqualTo(Map.of("hosts", Map.of("0", "a", "1", "b"), "tags", Map.of("0", "x")));
    }
  }

  @Nested
  class Environment {

    @Test
    void shouldLowerCaseAndNestLikeSpring() {
      // given
      Map<String, String> env =
          Map.of(
              "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_CLASSNAME",
                  "dev.sightline.exporter.SightlineExporter",
              "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_JARPATH", "/exporters/sightline.jar",
              "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_BULK_SIZE", "10",
              "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_URL", "http://localhost:9200",
              "PATH", "/usr/bin");

      // when
      List<ExporterDescriptor> exporters = ExporterConfigs.fromEnvironment(env, BROKER_HOME);

      // then
      assertThat(exporters)
          .containsExactly(
              new ExporterDescriptor(
                  "sightline",
                  "dev.sightline.exporter.SightlineExporter",
                  Optional.of(Path.of("/exporters/sightline.jar")),
                  Map.of("bulk", Map.of("size", "10"), "url", "http://localhost:9200")));
    }

    @Test
    void shouldLetEnvironmentVariablesOverrideYaml() {
      // given
      String yaml =
          """
          zeebe.broker.exporters.sightline:
            className: dev.sightline.exporter.SightlineExporter
            args:
              bulkSize: 1000
              url: http://es:9200
          """;
      Map<String, String> env = Map.of("ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_BULKSIZE", "5");

      // when
      ExporterDescriptor exporter =
          ExporterConfigs.fromYamlAndEnvironment(yaml, env, BROKER_HOME).getFirst();

      // then
      assertThat(exporter.args()).isEqualTo(Map.of("bulkSize", "5", "url", "http://es:9200"));
    }
  }

  @Nested
  class Errors {

    @Test
    void shouldNameTheKeyWhenClassNameIsMissing() {
      assertThatThrownBy(
              () ->
                  ExporterConfigs.fromEnvironment(
                      Map.of("ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_URL", "x"), BROKER_HOME))
          .isInstanceOf(ExporterConfigException.class)
          .hasMessageContaining("zeebe.broker.exporters.sightline.className is missing")
          .hasMessageContaining("ZEEBE_BROKER_EXPORTERS_SIGHTLINE_CLASSNAME");
    }

    @Test
    void shouldListEveryProblemWithItsKey() {
      // given
      String yaml =
          """
          zeebe.broker.exporters:
            one:
              classNme: X
            two:
              className: Y
              args: 5
            three:
              className: Z
              args:
                bulk: 1
          """;
      Map<String, String> env = Map.of("ZEEBE_BROKER_EXPORTERS_THREE_ARGS_BULK_SIZE", "2");

      // when / then
      assertThatThrownBy(() -> ExporterConfigs.fromYamlAndEnvironment(yaml, env, BROKER_HOME))
          .isInstanceOfSatisfying(
              ExporterConfigException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          "YAML key zeebe.broker.exporters.one.classNme: unknown exporter setting 'classNme'"
                              + " (expected className, jarPath or args)",
                          "YAML key zeebe.broker.exporters.two.args: args must be a map of arguments, not a single value",
                          "environment variable ZEEBE_BROKER_EXPORTERS_THREE_ARGS_BULK_SIZE conflicts with"
                              + " YAML key zeebe.broker.exporters.three.args.bulk: an argument cannot be both a value and a map",
                          "zeebe.broker.exporters.one.className is missing (set it in YAML or as environment variable"
                              + " ZEEBE_BROKER_EXPORTERS_ONE_CLASSNAME)"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ZEEBE_BROKER_EXPORTERS_SIGHTLINE__CLASSNAME",
          "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_"
        })
    void shouldRejectEmptyNameElementsInEnvironmentVariables(String name) {
      assertThatThrownBy(() -> ExporterConfigs.fromEnvironment(Map.of(name, "x"), BROKER_HOME))
          .isInstanceOf(ExporterConfigException.class)
          .hasMessageContaining("environment variable " + name + ": empty name element");
    }

    @Test
    void shouldReportUnparsableYaml() {
      assertThatThrownBy(() -> ExporterConfigs.fromYaml("zeebe: [unclosed", BROKER_HOME))
          .isInstanceOf(ExporterConfigException.class)
          .hasMessageStartingWith("Invalid exporter configuration: the YAML cannot be parsed");
    }
  }
}
