package dev.sightline.probe.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.compare.Topology;
import dev.sightline.probe.compare.Variant;
import dev.sightline.probe.compare.VariantParser;
import dev.sightline.probe.es.ElasticsearchVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The raw bulk writes into indices like the exporter's, so that the ratio is fair. */
class RawBulkIndicesTest {

  private static final Topology CLUSTER =
      new Topology(
          "Elasticsearch 9.5.3",
          List.of(
              URI.create("http://127.0.0.1:9200"),
              URI.create("http://127.0.0.1:9201"),
              URI.create("http://127.0.0.1:9202")));
  private static final Topology ONE_NODE =
      new Topology("Elasticsearch 9.5.3", List.of(URI.create("http://127.0.0.1:9200")));

  @Test
  void shouldGiveTheRawBulksIndicesTheExportersReplicasOnACluster() {
    // given
    var options = options(List.of(Variant.DIRECT));

    // when
    var raw = SustainedThroughput.rawSchema(options, CLUSTER, "tp-1-raw");
    var exporter =
        SustainedThroughput.exporter(Variant.DIRECT, options, CLUSTER, "tp-1-1-direct").args();

    // then
    assertThat(raw.numberOfReplicas()).isEqualTo(1);
    assertThat(exporter).containsEntry("index.numberOfReplicas", 1);
    assertThat(exporter).containsEntry("connect.url", CLUSTER.connectUrl());
    assertThat(raw.prefix()).isEqualTo("tp-1-raw");
  }

  @Test
  void shouldKeepTheRawBulksIndicesWithoutReplicasOnOneNode() {
    assertThat(
            SustainedThroughput.rawSchema(options(List.of(Variant.DIRECT)), ONE_NODE, "tp-1-raw")
                .numberOfReplicas())
        .isZero();
  }

  @Test
  void shouldGiveTheRawBulksIndicesTheIndexSettingsOfTheVariantWhoseDocumentsItWrites() {
    // given a first variant with its own shards and replicas
    var variants =
        Variant.labelled(
            List.of(
                VariantParser.parse("direct:index.numberOfReplicas=0,index.numberOfShards=2"),
                VariantParser.parse("direct")));

    // when
    var raw = SustainedThroughput.rawSchema(options(variants), CLUSTER, "tp-1-raw");

    // then
    assertThat(raw.numberOfReplicas()).isZero();
    assertThat(raw.numberOfShards()).isEqualTo(2);
  }

  @Test
  void shouldTalkToEveryNodeWithTheRunsOwnClient() {
    var config = SustainedThroughput.config(CLUSTER, "tp-1", options(List.of(Variant.DIRECT)));

    assertThat(config.connect().urls()).isEqualTo(CLUSTER.urls());
  }

  private static ThroughputOptions options(List<Variant> variants) {
    return new ThroughputOptions(
        1,
        1,
        0,
        100,
        1,
        false,
        List.of(),
        ElasticsearchVersion.parse("9.5.3"),
        3,
        "512m",
        Path.of("x.jar"),
        variants,
        Optional.empty(),
        Path.of("out"));
  }
}
