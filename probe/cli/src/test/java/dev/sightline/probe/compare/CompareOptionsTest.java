package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.es.ElasticsearchVersion;
import dev.sightline.probe.workload.WorkloadSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a comparison's results say about the nodes it ran on. */
class CompareOptionsTest {

  private static final List<URI> THREE_NODES =
      List.of(
          URI.create("http://127.0.0.1:9200"),
          URI.create("http://127.0.0.1:9201"),
          URI.create("http://127.0.0.1:9202"));

  private static CompareOptions options(List<URI> given, int nodes) {
    return new CompareOptions(
        WorkloadSpec.defaults(),
        given,
        ElasticsearchVersion.V9_5_3,
        nodes,
        "512m",
        Path.of("out"),
        ExporterJars.ofBuild("0"),
        Duration.ofSeconds(120));
  }

  @Test
  void shouldNameTheEngineTheNodesAndTheReplicasOfAnEmbeddedCluster() {
    // given
    var topology = new Topology("Elasticsearch 9.5.3", THREE_NODES);

    // when
    var settings = options(List.of(), 3).describe(topology);

    // then
    assertThat(settings)
        .containsEntry(
            "engine", "Elasticsearch 9.5.3, 3 nodes, 1 replica (embedded, heap 512m each)")
        .containsEntry("nodes", "3")
        .containsEntry("replicas", "1");
  }

  @Test
  void shouldNameTheNodesGivenByUrl() {
    // given
    var topology = new Topology("OpenSearch 2.19.6", THREE_NODES);

    // when
    var settings = options(THREE_NODES, 1).describe(topology);

    // then
    assertThat(settings)
        .containsEntry(
            "engine",
            "OpenSearch 2.19.6, 3 nodes, 1 replica at"
                + " http://127.0.0.1:9200,http://127.0.0.1:9201,http://127.0.0.1:9202");
  }

  @Test
  void shouldSayThatOneNodeRunsWithoutReplicas() {
    // given
    var topology = new Topology("Elasticsearch 9.5.3", THREE_NODES.subList(0, 1));

    // when
    var settings = options(List.of(), 1).describe(topology);

    // then
    assertThat(settings)
        .containsEntry("engine", "Elasticsearch 9.5.3, 1 node, 0 replicas (embedded, heap 512m)")
        .containsEntry("replicas", "0");
  }
}
