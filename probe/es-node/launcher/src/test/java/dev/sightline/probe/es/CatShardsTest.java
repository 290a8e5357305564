package dev.sightline.probe.es;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading where a primary is from {@code _cat/shards?h=shard,prirep,state,node}. */
class CatShardsTest {

  private static final String ANSWER =
      """
      0 r STARTED    node-3
      0 p STARTED    node-1
      1 p RELOCATING node-2 -> 127.0.0.1 Xc2fRb node-3
      1 r STARTED    node-1
      2 p INITIALIZING node-3
      2 r UNASSIGNED
      """;

  @Test
  void shouldFindTheNodeOfAStartedPrimary() {
    assertThat(ElasticsearchCluster.startedPrimary(ANSWER, 0)).contains("node-1");
  }

  @Test
  void shouldNotCallAMovingOrStartingPrimaryStarted() {
    assertThat(ElasticsearchCluster.startedPrimary(ANSWER, 1)).isEmpty();
    assertThat(ElasticsearchCluster.startedPrimary(ANSWER, 2)).isEmpty();
  }

  @Test
  void shouldFindNothingForAShardThatIsNotThere() {
    assertThat(ElasticsearchCluster.startedPrimary(ANSWER, 7)).isEmpty();
    assertThat(ElasticsearchCluster.startedPrimary("", 0)).isEmpty();
  }
}
