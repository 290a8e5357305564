package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sightline.probe.compare.OtherExporter.WatchId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VariantParserTest {

  @Nested
  class Named {

    @Test
    void shouldReadANameAloneAsTheNamedVariant() {
      assertThat(VariantParser.parse("direct")).isEqualTo(NamedVariants.DIRECT);
      assertThat(VariantParser.parse("Two-Hop")).isEqualTo(NamedVariants.TWO_HOP);
      assertThat(VariantParser.parse("direct-field")).isEqualTo(NamedVariants.DIRECT_FIELD);
    }

    @Test
    void shouldPutTheSettingsGivenOnTopOfTheNamedVariantsOwnInOrder() {
      // when
      var spec = VariantParser.parse("direct-field:bulk.size=500,bulk.delay=200ms");

      // then the given bulk.delay replaces the variant's 1s; the given settings come last
      assertThat(spec.name()).isEqualTo("direct-field");
      assertThat(spec.design()).isEqualTo(Design.DIRECT);
      assertThat(spec.description())
          .isEqualTo(
              NamedVariants.DIRECT_FIELD.description()
                  + ", except bulk.size=500, bulk.delay=200ms");
      assertThat(spec.settings())
          .containsExactly(
              Map.entry("bulk.linger", "1s"),
              Map.entry("bulk.maxInFlight", "1"),
              Map.entry("visibility.refresh", "engine"),
              Map.entry("bulk.size", "500"),
              Map.entry("bulk.delay", "200ms"));
      assertThat(spec.label()).isEmpty();
    }

    @Test
    void shouldMatchKeysAsTheExporterDoes() {
      // when the key is spelled in another case
      var spec = VariantParser.parse("direct-field:Bulk.Delay=2s");

      // then it replaces the variant's own bulk.delay instead of conflicting with it
      assertThat(spec.settings())
          .containsExactly(
              Map.entry("bulk.linger", "1s"),
              Map.entry("bulk.maxInFlight", "1"),
              Map.entry("visibility.refresh", "engine"),
              Map.entry("Bulk.Delay", "2s"));
    }

    @Test
    void shouldTakeALabelThatIsNotASetting() {
      // when
      var spec = VariantParser.parse("direct:label=fast-flush,bulk.delay=50ms");

      // then
      assertThat(spec.label()).contains("fast-flush");
      assertThat(spec.settings()).containsExactly(Map.entry("bulk.delay", "50ms"));
    }

    @Test
    void shouldGiveTheRecordIndexExporterOfTwoHopItsSettings() {
      assertThat(VariantParser.parse("two-hop:bulk.delay=1s").settings())
          .containsExactly(Map.entry("bulk.delay", "1s"));
    }
  }

  @Nested
  class OtherJar {

    @TempDir Path dir;
    private Path jar;

    @BeforeEach
    void jar() throws IOException {
      jar = Files.createFile(dir.resolve("Zeebe-ES_Exporter-8.8.0.jar"));
    }

    @Test
    void shouldReadAnotherExportersJarWhereItsDocumentsLandAndItsOwnSettings() {
      // when
      var spec =
          VariantParser.parse(
              "jar="
                  + jar
                  + ",class=io.camunda.zeebe.exporter.ElasticsearchExporter,watch.index={prefix}_process-instance_*,watch.id=partition-position,url={es},index.prefix={prefix}");

      // then
      assertThat(spec.design()).isEqualTo(Design.OTHER);
      assertThat(spec.name()).as("label base: the jar's name").isEqualTo("zeebe-es_exporter-8.8.0");
      assertThat(spec.other())
          .contains(
              new OtherExporter(
                  jar,
                  "io.camunda.zeebe.exporter.ElasticsearchExporter",
                  "{prefix}_process-instance_*",
                  WatchId.PARTITION_POSITION));
      assertThat(spec.exporterSettings())
          .containsExactly(Map.entry("url", "{es}"), Map.entry("index.prefix", "{prefix}"));
      assertThat(spec.settings()).containsKeys("jar", "class", "watch.index", "watch.id", "url");
    }

    @Test
    void shouldNotCheckAnotherExportersSettingsAgainstSightlines() {
      // when
      var spec =
          VariantParser.parse(
              "jar="
                  + jar
                  + ",class=a.B,watch.index={prefix}-list,watch.id=KEY,connect.url={es},label=other");

      // then
      assertThat(spec.other().orElseThrow().watchId()).isEqualTo(WatchId.KEY);
      assertThat(spec.label()).contains("other");
      assertThat(spec.exporterSettings()).containsExactly(Map.entry("connect.url", "{es}"));
    }

    @Test
    void shouldRefuseWhatCannotBeWatchedHonestly() {
      var base = "jar=" + jar + ",class=a.B,watch.id=key,watch.index=";
      assertThatThrownBy(() -> VariantParser.parse(base + "operate-list-view-8.3.0_"))
          .isInstanceOf(InvalidVariantException.class)
          .hasMessageContaining(
              "watch.index: must contain {prefix}, the run's own index prefix (give the exporter"
                  + " the same, e.g. index.prefix={prefix}), so that no earlier run's documents are"
                  + " found, but was 'operate-list-view-8.3.0_'");
      assertThatThrownBy(
              () ->
                  VariantParser.parse(
                      "jar=" + jar + ",class=a.B,watch.index={prefix}-x,watch.id=_id"))
          .hasMessageEndingWith("watch.id: must be key or partition-position, but was '_id'");
    }
  }

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        arguments(
            "three-hop",
            "'three-hop' is not a variant (two-hop, direct-field, direct, each optionally with :key=value,…; or jar=<file>,class=<exporter class>,watch.index=…,watch.id=…)"),
        arguments("direct:", "'direct:' is not a valid variant: '' is not key=value"),
        arguments(
            "direct:bulk.delay",
            "'direct:bulk.delay' is not a valid variant: 'bulk.delay' is not key=value"),
        arguments("direct:=1s", "'direct:=1s' is not a valid variant: '=1s' is not key=value"),
        arguments(
            "direct:bulk.delay=",
            "'direct:bulk.delay=' is not a valid variant: 'bulk.delay=' is not key=value"),
        arguments(
            "direct:bulk.delay=1s,,bulk.size=5",
            "'direct:bulk.delay=1s,,bulk.size=5' is not a valid variant: '' is not key=value"),
        arguments(
            "direct:bulk.delay=1s,bulk.delay=2s",
            "'direct:bulk.delay=1s,bulk.delay=2s' is not a valid variant: bulk.delay: must be given only once"),
        arguments(
            "direct:bulk.delay=1s,BULK.DELAY=2s",
            "'direct:bulk.delay=1s,BULK.DELAY=2s' is not a valid variant: bulk.delay: must be given only once, but was given as 'BULK.DELAY' and 'bulk.delay'"),
        arguments(
            "direct:bulk.size=0,bulk.delay=fast",
            "'direct:bulk.size=0,bulk.delay=fast' is not a valid variant: bulk.size: must be an integer between 1 and 100000, but was '0'; bulk.delay: must be a duration between 1ms and 1h, but was 'fast'"),
        arguments(
            "direct:connect.url=http://elsewhere:9200",
            "'direct:connect.url=http://elsewhere:9200' is not a valid variant: connect.url is set by the comparison (the node it watches, the run's own indices and latency log)"),
        arguments(
            "direct:Connect.URL[0]=http://elsewhere:9200",
            "'direct:Connect.URL[0]=http://elsewhere:9200' is not a valid variant: Connect.URL[0] is set by the comparison (the node it watches, the run's own indices and latency log)"),
        arguments(
            "two-hop:latency.hlog.path=/tmp",
            "'two-hop:latency.hlog.path=/tmp' is not a valid variant: latency.hlog.path is set by the comparison (the node it watches, the run's own indices and latency log)"),
        arguments(
            "direct:label=direct#2",
            "'direct:label=direct#2' is not a valid variant: label: must be 1 to 40 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit, but was 'direct#2'"),
        arguments(
            "jar=no/such.jar,class=a.B,watch.index={prefix},watch.id=key",
            "'jar=no/such.jar,class=a.B,watch.index={prefix},watch.id=key' is not a valid variant: jar: must be an exporter jar file, but was 'no/such.jar'"));
  }

  @ParameterizedTest
  @MethodSource("badSpecs")
  void shouldRefuseABadSpecNamingItTheRuleAndTheValue(String spec, String message) {
    assertThatThrownBy(() -> VariantParser.parse(spec))
        .isInstanceOf(InvalidVariantException.class)
        .hasMessage(message);
  }

  @Test
  void shouldSayWhichOfTheRequiredKeysOfAnotherExporterIsMissing(@TempDir Path dir)
      throws IOException {
    var jar = Files.createFile(dir.resolve("x.jar"));
    assertThatThrownBy(() -> VariantParser.parse("jar=" + jar))
        .hasMessageEndingWith("class: missing (the exporter class in the jar)");
    assertThatThrownBy(() -> VariantParser.parse("jar=" + jar + ",class=a.B"))
        .hasMessageEndingWith(
            "watch.index: missing (the index (alias, pattern) of its process instances)");
    assertThatThrownBy(() -> VariantParser.parse("jar=" + jar + ",class=a.B,watch.index={prefix}"))
        .hasMessageEndingWith("watch.id: missing (key or partition-position)");
    assertThatThrownBy(() -> VariantParser.parse("jar=" + jar + ",class=a b,watch.index={prefix}"))
        .hasMessageEndingWith("class: must be a Java class name, but was 'a b'");
    assertThatThrownBy(
            () ->
                VariantParser.parse(
                    "jar="
                        + jar
                        + ",class=a.B,watch.index={prefix},watch.id=key,index=x,index.prefix=y"))
        .hasMessageEndingWith("index: given both as a value and as the parent of other keys");
  }
}
