package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.store.Engine;
import dev.sightline.exporter.store.Engine.Product;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a run names the engine of a node given by URL. */
class RunEngineTest {

  @Test
  void shouldNameTheEngineAndVersionTheNodeSaidAtGetRoot() {
    // when
    var name = RunEngine.describe(new Engine(Product.OPENSEARCH, "2.19.6"), Optional.empty());
    // then
    assertThat(name).isEqualTo("OpenSearch 2.19.6");
  }

  @Test
  void shouldTakeTheVersionFromTheNodeInfoWhenGetRootHidIt() {
    // given an Elasticsearch node without the main action: its header names it, no version
    var detected = new Engine(Product.ELASTICSEARCH, null);
    var nodes = Map.<String, Object>of("nodes", Map.of("x1Yz", Map.of("version", "8.19.21")));

    // when
    var name = RunEngine.describe(detected, RunEngine.nodeVersion(nodes));

    // then
    assertThat(name).isEqualTo("Elasticsearch 8.19.21");
  }

  @Test
  void shouldSayWhatItDoesNotKnow() {
    // when
    var name =
        RunEngine.describe(new Engine(Product.UNKNOWN, null), RunEngine.nodeVersion(Map.of()));
    // then
    assertThat(name).isEqualTo("an unidentified engine (version not disclosed)");
  }
}
