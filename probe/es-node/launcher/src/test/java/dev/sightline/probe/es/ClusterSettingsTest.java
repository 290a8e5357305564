package dev.sightline.probe.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How cluster members are told about each other, and how a single node is kept alone. */
class ClusterSettingsTest {

  @TempDir Path baseDir;

  private final ClusterLayout layout =
      new ClusterLayout(
          "sightline-c1",
          List.of("node-1", "node-2", "node-3"),
          List.of(9201, 9202, 9203),
          List.of(9301, 9302, 9303));

  @Test
  void shouldSeedEachMemberWithTheOtherMembersTransportAddresses() throws Exception {
    // given
    var options = NodeOptions.defaults().withBaseDir(baseDir);
    var home = home(options);

    // when
    var settings = NodeSettings.member(home, options, layout, 1);

    // then
    assertThat(settings)
        .containsEntry("cluster.name", "sightline-c1")
        .containsEntry("node.name", "node-2")
        .containsEntry("http.port", "9202")
        .containsEntry("transport.port", "9302")
        .containsEntry("discovery.seed_hosts", "127.0.0.1:9301,127.0.0.1:9303")
        .containsEntry("cluster.initial_master_nodes", "node-1,node-2,node-3")
        .containsEntry("network.host", "127.0.0.1")
        .doesNotContainKey("discovery.type");
  }

  @Test
  void shouldNameTheBootstrapNodesWithOpenSearchsOwnSetting() throws Exception {
    // given
    var options =
        NodeOptions.defaults().withBaseDir(baseDir).withVersion(OpenSearchVersion.V2_19_6);

    // when
    var settings = NodeSettings.member(home(options), options, layout, 0);

    // then
    assertThat(settings)
        .containsEntry("cluster.initial_cluster_manager_nodes", "node-1,node-2,node-3")
        .doesNotContainKey("cluster.initial_master_nodes");
  }

  @Test
  void shouldKeepASingleNodeAloneOnFreePortsUnlessTheOptionsSayOtherwise() throws Exception {
    // given
    var options = NodeOptions.defaults().withBaseDir(baseDir).withSetting("http.port", "9250");

    // when
    var settings = NodeSettings.alone(home(options), options);

    // then
    assertThat(settings)
        .containsEntry("discovery.type", "single-node")
        .containsEntry("transport.port", "0")
        .containsEntry("http.port", "9250");
  }

  @Test
  void shouldGiveEveryMemberTwoPortsNoOtherMemberHas() {
    // when
    var free = ClusterLayout.onFreePorts("c", 3);

    // then
    assertThat(free.nodeNames()).containsExactly("node-1", "node-2", "node-3");
    var all = new java.util.ArrayList<>(free.httpPorts());
    all.addAll(free.transportPorts());
    assertThat(all).hasSize(6).doesNotHaveDuplicates().allMatch(port -> port > 0);
  }

  @Test
  void shouldRefuseAClusterSizeItCannotStart() {
    assertThatThrownBy(() -> ElasticsearchCluster.start(NodeOptions.defaults(), 0))
        .hasMessage("size must be from 1 to 9, but was 0");
    assertThatThrownBy(() -> ElasticsearchCluster.start(NodeOptions.defaults(), 10))
        .hasMessage("size must be from 1 to 9, but was 10");
  }

  private NodeHome home(NodeOptions options) throws Exception {
    return NodeHome.create(options, Distribution.of(options.version()), "test");
  }
}
