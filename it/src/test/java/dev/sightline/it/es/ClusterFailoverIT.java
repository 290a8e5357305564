package dev.sightline.it.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.it.support.Await;
import dev.sightline.probe.es.ClusterNode;
import dev.sightline.probe.es.ElasticsearchCluster;
import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.es.HealthStatus;
import dev.sightline.probe.es.NodeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real three-node cluster (each node in its own JVM, real discovery and election) loses nodes and
 * keeps its data: the master killed with {@code kill -9}, then every node restarted in turn.
 *
 * <p>Runs on Elasticsearch 9.5.3; system property {@code sightline.it.cluster.engine} picks another
 * engine version ({@code 8.19.21}, {@code opensearch-2.19.6}; see {@code EngineVersion.parse}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFailoverIT {

  private static final String ENGINE_PROPERTY = "sightline.it.cluster.engine";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElasticsearchCluster cluster;
  private RestClient client;

  @BeforeAll
  void startCluster() {
    var version = EngineVersion.parse(System.getProperty(ENGINE_PROPERTY, "9.5.3"));
    cluster = ElasticsearchCluster.start(NodeOptions.defaults().withVersion(version), 3);
    // Every node: the client moves away from a dead one by itself.
    client =
        RestClient.builder(
                cluster.urls().stream()
                    .map(url -> HttpHost.create(url.toString()))
                    .toArray(HttpHost[]::new))
            .build();
  }

  @AfterAll
  void stopCluster() throws IOException {
    if (cluster == null) {
      return; // start failed, and stopped whatever it had started
    }
    var processes = cluster.nodes().stream().map(ClusterNode::process).toList();
    var homes = cluster.nodes().stream().map(ClusterNode::home).toList();
    try {
      client.close();
    } finally {
      cluster.close();
    }
    assertThat(processes).as("no node JVM left").noneMatch(ProcessHandle::isAlive);
    assertThat(homes).as("no node folder left").noneMatch(Files::exists);
  }

  /** Whatever an earlier test did (or failed to undo): every node up, every shard assigned. */
  @BeforeEach
  void everyNodeRunning() {
    for (var node : cluster.nodes()) {
      if (!node.isRunning()) {
        node.restart();
      }
    }
    cluster.awaitHealth(HealthStatus.GREEN, Await.TIMEOUT);
  }

  @Test
  void shouldElectANewMasterAndPromoteTheReplicaWhenTheMasterIsKilled() throws IOException {
    // given an index whose primary is on the master and whose replica is on one other node
    var master = cluster.master().orElseThrow();
    var replicaNode =
        cluster.nodes().stream().filter(node -> node != master).findFirst().orElseThrow();
    var index = "failover";
    createIndex(index, master, replicaNode);
    indexDocuments(index, "before", 200);
    cluster.awaitHealth(HealthStatus.GREEN, Await.TIMEOUT);
    assertThat(cluster.primaryOf(index, 0)).contains(master);

    // when the master dies without a word
    master.kill();

    // then another node is elected, the replica becomes the primary, and nothing is lost
    assertThat(master.process().isAlive()).isFalse();
    Await.until(
        () -> cluster.master().filter(elected -> elected != master).isPresent(),
        () -> "a new master (now: " + cluster.master() + ")");
    Await.until(
        () -> cluster.primaryOf(index, 0).equals(Optional.of(replicaNode)),
        () -> "the replica on " + replicaNode.name() + " promoted to primary");
    Await.until(
        () -> cluster.health() == HealthStatus.YELLOW,
        () -> "yellow health: the replica has nowhere to go (now " + cluster.health() + ")");
    assertThat(count(index)).isEqualTo(200);
    indexDocuments(index, "while-yellow", 1);
    assertThat(count(index)).as("still writable").isEqualTo(201);

    // when the killed node comes back on its data
    master.restart();

    // then its copy becomes the replica again
    cluster.awaitHealth(HealthStatus.GREEN, Await.TIMEOUT);
    assertThat(cluster.nodes()).allMatch(ClusterNode::isRunning);
    assertThat(cluster.primaryOf(index, 0)).contains(replicaNode);
    assertThat(count(index)).isEqualTo(201);
  }

  @Test
  void shouldKeepEveryDocumentAndStayWritableThroughARollingRestart() throws IOException {
    // given
    var index = "rolling";
    var create = new Request("PUT", "/" + index);
    create.setJsonEntity("{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":1}}");
    client.performRequest(create);
    indexDocuments(index, "before", 300);
    cluster.awaitHealth(HealthStatus.GREEN, Await.TIMEOUT);

    for (var node : cluster.nodes()) {
      // when one node at a time stops
      node.stop();

      // then the others keep every document and take writes
      Await.until(
          () -> cluster.health() != HealthStatus.RED && cluster.master().isPresent(),
          () -> "a master and every primary with " + node.name() + " down");
      indexDocuments(index, "without-" + node.name(), 1);

      // and once it is back, every copy is assigned again
      node.restart();
      cluster.awaitHealth(HealthStatus.GREEN, Await.TIMEOUT);
    }
    assertThat(count(index)).isEqualTo(303);
  }

  private void createIndex(String index, ClusterNode primaryNode, ClusterNode replicaNode)
      throws IOException {
    // The primary is placed on primaryNode (no replica yet), then the one replica may only go to
    // replicaNode: two copies on two eligible nodes leave nothing to rebalance. The replica of a
    // lost node is not re-created elsewhere for 10 minutes (health stays yellow meanwhile).
    var create = new Request("PUT", "/" + index);
    create.setJsonEntity(
        """
        {"settings": {
          "number_of_shards": 1, "number_of_replicas": 0,
          "index.routing.allocation.require._name": "%s",
          "index.unassigned.node_left.delayed_timeout": "10m"}}"""
            .formatted(primaryNode.name()));
    client.performRequest(create);
    cluster.awaitHealth(HealthStatus.GREEN, Await.TIMEOUT);
    var replicate = new Request("PUT", "/" + index + "/_settings");
    replicate.setJsonEntity(
        """
        {"index.routing.allocation.require._name": null,
         "index.routing.allocation.include._name": "%s,%s",
         "index.number_of_replicas": 1}"""
            .formatted(primaryNode.name(), replicaNode.name()));
    client.performRequest(replicate);
  }

  private void indexDocuments(String index, String idPrefix, int count) throws IOException {
    var lines = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      lines.add("{\"index\":{\"_id\":\"" + idPrefix + "-" + i + "\"}}");
      lines.add("{\"n\":" + i + "}");
    }
    var bulk = new Request("POST", "/" + index + "/_bulk");
    bulk.addParameter("refresh", "true");
    bulk.setJsonEntity(String.join("\n", lines) + "\n");
    var answer = json(client.performRequest(bulk));
    assertThat(answer.get("errors").asBoolean()).as("bulk errors: %s", answer).isFalse();
  }

  private long count(String index) throws IOException {
    return json(client.performRequest(new Request("GET", "/" + index + "/_count")))
        .get("count")
        .asLong();
  }

  private static JsonNode json(Response response) throws IOException {
    return JSON.readTree(response.getEntity().getContent());
  }
}
