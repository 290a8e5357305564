package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.CallHierarchy;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One exporter per partition, all writing one store, records interleaved one by one: ids never
 * collide, each exporter acknowledges its own partition's positions, and definitions deployed on
 * partition 1 serve the others through the index. (The same against a real node: {@code
 * ThreePartitionsIT}.)
 */
class ManyPartitionsTest {

  private static final Map<String, Object> ARGS =
      Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 50, "delay", "1s"));

  @Test
  void shouldWriteThreePartitionsInterleavedIntoOneStoreWithoutCollisions() {
    // given three exporters on one clock and one store; partition 1 deploys, and flushes before the
    // others start
    var clock = new VirtualClock(ExporterHarness.START_MILLIS);
    var store = new InMemoryStore();
    var exporters = new HashMap<Integer, ExporterHarness>();
    var logs = new HashMap<Integer, List<Record<?>>>();
    var trees = new HashMap<Integer, CallHierarchy>();
    for (int partition = 1; partition <= 3; partition++) {
      exporters.put(
          partition, new ExporterHarness(ARGS, clock, store, new TestController(clock), partition));
      trees.put(
          partition,
          new CallHierarchy(
              new EngineRecords(new RecordFactory(partition), true, ExporterHarness.START_MILLIS)));
    }
    var deployment = trees.get(1).deploy();
    exporters.get(1).export(deployment);
    exporters.get(1).advance(Duration.ofSeconds(1));
    for (int partition = 1; partition <= 3; partition++) {
      var tree = trees.get(partition);
      tree.rootDefinition = trees.get(1).rootDefinition;
      tree.middleDefinition = trees.get(1).middleDefinition;
      tree.leafDefinition = trees.get(1).leafDefinition;
      var log = new ArrayList<>(tree.start());
      tree.engine.variable(VariableIntent.CREATED, tree.root, tree.root.key(), "x", "1");
      var incident = tree.engine.incidentCreated(tree.taskA, ErrorType.JOB_NO_RETRIES, -1);
      tree.engine.incidentCreated(tree.taskB, ErrorType.JOB_NO_RETRIES, -1);
      tree.engine.incidentResolved(incident);
      log.addAll(tree.engine.drain());
      logs.put(partition, log);
    }

    // when the partitions' records are exported interleaved, one at a time
    var longest = logs.values().stream().mapToInt(List::size).max().orElseThrow();
    for (int i = 0; i < longest; i++) {
      for (int partition = 1; partition <= 3; partition++) {
        if (i < logs.get(partition).size()) {
          exporters.get(partition).export(List.of(logs.get(partition).get(i)));
        }
      }
    }
    exporters.values().forEach(harness -> harness.advance(Duration.ofSeconds(1)));

    // then every entity of every partition has its own document, written by its own partition
    var instances = store.index("t-process-instance-v2");
    var flowNodes = store.index("t-flow-node-instance-v2");
    assertThat(instances).hasSize(3 * 5);
    assertThat(flowNodes).hasSize(3 * 8);
    assertThat(store.index("t-variable-v1")).hasSize(3);
    assertThat(store.index("t-incident-v1")).hasSize(3 * 2);
    for (var document : instances.values()) {
      assertThat(document.get("partitionId")).isEqualTo((int) ((Long) document.get("key") >> 51));
    }
    // and each partition acknowledged exactly its own log
    for (int partition = 1; partition <= 3; partition++) {
      var tree = trees.get(partition);
      var own = logs.get(partition).getLast().getPosition();
      assertThat(exporters.get(partition).controller.getLastExportedRecordPosition())
          .as("partition %d", partition)
          .isEqualTo(own);
      // with treePaths naming call activities of definitions deployed on partition 1
      assertThat(instances.get(Long.toString(tree.leafA.key())))
          .containsEntry("treePath", tree.leafAPath());
      assertThat(instances.get(Long.toString(tree.root.key())))
          .containsEntry("processName", "Root")
          .containsEntry("incident", true);
    }
  }
}
