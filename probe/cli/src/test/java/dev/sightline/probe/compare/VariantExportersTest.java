package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantExportersTest {

  private static final String ES = "http://127.0.0.1:9250";
  private static final ExporterJars JARS =
      new ExporterJars(Path.of("/jars/direct.jar"), Path.of("/jars/two-hop.jar"));

  @TempDir Path dir;

  @Test
  void shouldPutTheVariantsSettingsOnTopOfTheRunsAndLoadSightlinesJar() {
    // given
    var variant =
        Variant.labelled(List.of(VariantParser.parse("direct:Bulk.Delay=50ms"))).getFirst();

    // when
    var descriptor =
        VariantExporters.descriptor(
            variant,
            JARS,
            ES,
            "p",
            Optional.empty(),
            Map.of("connect.url", ES, "bulk.delay", "100ms", "bulk.size", 1000));

    // then
    assertThat(descriptor.id()).isEqualTo("direct");
    assertThat(descriptor.className()).isEqualTo("dev.sightline.exporter.SightlineExporter");
    assertThat(descriptor.jarPath()).contains(Path.of("/jars/direct.jar"));
    assertThat(descriptor.args())
        .containsOnly(
            Map.entry("connect.url", ES),
            Map.entry("Bulk.Delay", "50ms"),
            Map.entry("bulk.size", 1000));
  }

  @Test
  void shouldLoadTheRecordIndexExporterForTwoHop() {
    var descriptor =
        VariantExporters.descriptor(Variant.TWO_HOP, JARS, ES, "p", Optional.empty(), Map.of());

    assertThat(descriptor.className())
        .isEqualTo("dev.sightline.probe.twohop.recordindex.RecordIndexExporter");
    assertThat(descriptor.jarPath()).contains(Path.of("/jars/two-hop.jar"));
  }

  @Test
  void shouldGiveAnotherExporterOnlyItsSettingsNestedWithThePlaceholdersFilled()
      throws IOException {
    // given
    var jar = Files.createFile(dir.resolve("other.jar"));
    var variant =
        Variant.labelled(
                List.of(
                    VariantParser.parse(
                        "jar="
                            + jar
                            + ",class=com.acme.Exporter,watch.index={prefix}_process-instance_*,watch.id=partition-position,url={es},index.prefix={prefix},latency.dir={hlog}")))
            .getFirst();

    // when
    var descriptor =
        VariantExporters.descriptor(
            variant,
            JARS,
            ES,
            "cmp-1-3-other",
            Optional.of(dir.resolve("hlog")),
            Map.of("connect.url", "not for another exporter"));

    // then
    assertThat(descriptor.id()).isEqualTo("other");
    assertThat(descriptor.className()).isEqualTo("com.acme.Exporter");
    assertThat(descriptor.jarPath()).contains(jar.toAbsolutePath());
    assertThat(descriptor.args())
        .containsOnly(
            Map.entry("url", ES),
            Map.entry("index", Map.of("prefix", "cmp-1-3-other")),
            Map.entry("latency", Map.of("dir", dir.resolve("hlog").toString())));
    assertThat(variant.spec().other().orElseThrow().watchIndex("cmp-1-3-other"))
        .isEqualTo("cmp-1-3-other_process-instance_*");
  }

  @Test
  void shouldDescribeAVariantAsItCouldBeGiven() {
    assertThat(VariantExporters.describe(Variant.DIRECT)).isEqualTo("direct");
    assertThat(
            VariantExporters.describe(
                new Variant("x", VariantParser.parse("direct-field:bulk.size=5"))))
        .isEqualTo(
            "direct-field:bulk.delay=1s,bulk.linger=1s,bulk.maxInFlight=1,visibility.refresh=engine,"
                + "bulk.size=5");
  }
}
