package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The run's nodes as every exporter of it is given them, and the replicas they decide. */
class TopologyTest {

  private static final List<URI> THREE_NODES =
      List.of(
          URI.create("http://127.0.0.1:9200"),
          URI.create("http://127.0.0.1:9201"),
          URI.create("http://127.0.0.1:9202"));
  private static final Topology CLUSTER = new Topology("Elasticsearch 9.5.3", THREE_NODES);
  private static final Topology ONE_NODE =
      new Topology("Elasticsearch 9.5.3", THREE_NODES.subList(0, 1));

  @Nested
  class Replicas {

    @Test
    void shouldGiveNoReplicaOnOneNodeWhichCouldNeverAllocateIt() {
      assertThat(Topology.replicasFor(1)).isZero();
      assertThat(ONE_NODE.replicas()).isZero();
    }

    @Test
    void shouldGiveOneReplicaOnEveryClusterSize() {
      assertThat(Topology.replicasFor(2)).isEqualTo(1);
      assertThat(Topology.replicasFor(3)).isEqualTo(1);
      assertThat(Topology.replicasFor(9)).isEqualTo(1);
      assertThat(CLUSTER.replicas()).isEqualTo(1);
    }

    @Test
    void shouldDecideBeforeTheNodesStartAsTheRunWill() {
      assertThat(Topology.beforeStart(List.of(), 3).replicas()).isEqualTo(1);
      assertThat(Topology.beforeStart(List.of(), 1).replicas()).isZero();
      assertThat(Topology.beforeStart(THREE_NODES, 1).urls()).isEqualTo(THREE_NODES);
    }
  }

  @Test
  void shouldGiveEveryNodeAndTheReplicasToAnExporter() {
    assertThat(CLUSTER.exporterArgs())
        .containsOnly(
            entry(
                "connect.url", "http://127.0.0.1:9200,http://127.0.0.1:9201,http://127.0.0.1:9202"),
            entry("index.numberOfReplicas", 1));
    assertThat(ONE_NODE.exporterArgs())
        .containsOnly(
            entry("connect.url", "http://127.0.0.1:9200"), entry("index.numberOfReplicas", 0));
  }

  @Test
  void shouldSayTheEngineTheNodesAndTheReplicas() {
    assertThat(CLUSTER.describe()).isEqualTo("Elasticsearch 9.5.3, 3 nodes, 1 replica");
    assertThat(ONE_NODE.describe()).isEqualTo("Elasticsearch 9.5.3, 1 node, 0 replicas");
  }

  @Nested
  class EveryExporterOfAComparison {

    private final ExporterJars jars =
        new ExporterJars(Path.of("/jars/direct.jar"), Path.of("/jars/two-hop.jar"));

    @Test
    void shouldWriteTheDirectExportersIndicesWithOneReplicaThroughEveryNode() {
      // when
      var args = VariantRunner.exporter(Variant.DIRECT, jars, CLUSTER, "p", Path.of("hlog")).args();

      // then
      assertThat(args)
          .contains(entry("connect.url", CLUSTER.connectUrl()), entry("index.numberOfReplicas", 1));
    }

    @Test
    void shouldWriteTheRecordIndicesWithOneReplicaThroughEveryNode() {
      // when
      var args =
          VariantRunner.exporter(Variant.TWO_HOP, jars, CLUSTER, "p", Path.of("hlog")).args();

      // then
      assertThat(args)
          .contains(entry("connect.url", CLUSTER.connectUrl()), entry("index.numberOfReplicas", 1));
    }

    @Test
    void shouldWriteTheImportersReadModelWithOneReplicaThroughEveryNode() {
      // when
      var readModel =
          VariantRunner.importerSettings(CLUSTER, "p", "p-zeebe-record", 2, Path.of("hlog"))
              .readModel();

      // then
      assertThat(readModel.connect().urls()).isEqualTo(THREE_NODES);
      assertThat(readModel.index().numberOfReplicas()).isEqualTo(1);
    }

    @Test
    void shouldKeepOneNodesIndicesWithoutReplicas() {
      // when
      var args =
          VariantRunner.exporter(Variant.DIRECT, jars, ONE_NODE, "p", Path.of("hlog")).args();
      var readModel =
          VariantRunner.importerSettings(ONE_NODE, "p", "p-zeebe-record", 2, Path.of("hlog"))
              .readModel();

      // then
      assertThat(args)
          .contains(
              entry("connect.url", "http://127.0.0.1:9200"), entry("index.numberOfReplicas", 0));
      assertThat(readModel.index().numberOfReplicas()).isZero();
    }

    @Test
    void shouldLetAVariantChooseItsOwnReplicas() {
      // given
      var variant =
          Variant.labelled(List.of(VariantParser.parse("direct:index.numberOfReplicas=0")))
              .getFirst();

      // when
      var args = VariantRunner.exporter(variant, jars, CLUSTER, "p", Path.of("hlog")).args();

      // then
      assertThat(args).contains(entry("index.numberOfReplicas", "0"));
    }
  }
}
