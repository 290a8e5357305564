package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.CallHierarchy;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Incident flags on a real node (docs/schema.md, "Incident flags"): three process levels, incidents
 * in two called branches overlapping in time, each event in its own batch and read back before any
 * refresh, across a restart with empty caches, and after a crash and replay.
 */
@RealEngines
class IncidentPropagationIT {

  private final CallHierarchy tree =
      new CallHierarchy(
          new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS));

  /** {@code incident} of process instances, by key, as a search sees them after a refresh. */
  private static Map<String, Map<String, Object>> instances(EngineClient client, EngineTarget es)
      throws IOException {
    return ReadModelDocuments.all(client, es.index("process-instance-v2"));
  }

  private static Object flag(Map<String, Map<String, Object>> documents, long key) {
    return documents.get(Long.toString(key)).get("incident");
  }

  private long incidentOn(EngineRecords.Element task) {
    return tree.engine.incidentCreated(task, ErrorType.JOB_NO_RETRIES, -1);
  }

  @Test
  void shouldKeepTheRootFlaggedWhileIncidentsOfTwoChildrenOverlapAndClearItWithTheLast(
      EngineTarget es) throws IOException {
    try (var exporter = new EsExporter(es);
        var client = EngineClient.open(es.url())) {
      // given both branches running
      exporter.flush(tree.deploy());
      exporter.flush(tree.start());

      // when an incident opens in each leaf, each in its own batch, and the first is resolved right
      // after:
      // no refresh between the writes, so only real-time reads can see the open incidents
      var first = incidentOn(tree.taskA);
      exporter.flush(tree.engine.drain());
      var second = incidentOn(tree.taskB);
      exporter.flush(tree.engine.drain());
      tree.engine.incidentResolved(first);
      exporter.flush(tree.engine.drain());

      // then the root and the second branch stay flagged, the first branch is cleared
      var documents = instances(client, es);
      assertThat(flag(documents, tree.root.key())).isEqualTo(true);
      assertThat(flag(documents, tree.middleB.key())).isEqualTo(true);
      assertThat(flag(documents, tree.leafB.key())).isEqualTo(true);
      assertThat(flag(documents, tree.middleA.key())).isEqualTo(false);
      assertThat(flag(documents, tree.leafA.key())).isEqualTo(false);
      var flowNodes = ReadModelDocuments.all(client, es.index("flow-node-instance-v2"));
      assertThat(flag(flowNodes, tree.callA.key())).isEqualTo(false);
      assertThat(flag(flowNodes, tree.callB.key())).isEqualTo(true);
      assertThat(flag(flowNodes, tree.subB.key())).isEqualTo(true);
      assertThat(flag(flowNodes, tree.taskB.key())).isEqualTo(true);

      // when the second is resolved
      tree.engine.incidentResolved(second);
      exporter.flush(tree.engine.drain());

      // then nothing is flagged any more
      assertThat(instances(client, es).values())
          .allSatisfy(document -> assertThat(document).containsEntry("incident", false));
      assertThat(ReadModelDocuments.all(client, es.index("incident-v1")).values())
          .hasSize(2)
          .allSatisfy(document -> assertThat(document).containsEntry("state", "RESOLVED"));
    }
  }

  @Test
  void shouldReadOpenIncidentsBackAfterARestartWithEmptyCaches(EngineTarget es) throws IOException {
    // given two open incidents written by an exporter that then closed
    long first;
    long second;
    try (var exporter = new EsExporter(es)) {
      exporter.flush(tree.deploy());
      exporter.flush(tree.start());
      first = incidentOn(tree.taskA);
      second = incidentOn(tree.taskB);
      exporter.flush(tree.engine.drain());
    }

    try (var restarted = new EsExporter(es);
        var client = EngineClient.open(es.url())) {
      // when a new exporter resolves the first
      tree.engine.incidentResolved(first);
      restarted.flush(tree.engine.drain());

      // then it found the second in the index and keeps the root flagged
      assertThat(flag(instances(client, es), tree.root.key())).isEqualTo(true);
      assertThat(flag(instances(client, es), tree.leafA.key())).isEqualTo(false);

      // when it resolves the second
      tree.engine.incidentResolved(second);
      restarted.flush(tree.engine.drain());

      // then
      assertThat(flag(instances(client, es), tree.root.key())).isEqualTo(false);
    }
  }

  @Test
  void shouldEndWithTheDocumentsOfACleanRunAfterACrashAndAReplay(EngineTarget es)
      throws IOException {
    // given the whole log, and what a clean run makes of it
    var log = new ArrayList<Record<?>>(tree.deploy());
    log.addAll(tree.start());
    var first = incidentOn(tree.taskA);
    incidentOn(tree.taskB);
    tree.engine.incidentResolved(first);
    log.addAll(tree.engine.drain());
    var reference = new ExporterHarness(Map.of("index", Map.of("prefix", es.indexPrefix())));
    reference.export(log);
    reference.advance(Duration.ofSeconds(1));

    // when an exporter writes every record in its own batch, crashes (no close), and a new one
    // replays the last 10
    var crashed = new EsExporter(es);
    log.forEach(record -> crashed.flush(List.of(record)));
    try (var replay = new EsExporter(es)) {
      replay.flush(log.subList(log.size() - 10, log.size()));
    }
    crashed.close();

    // then
    try (var client = EngineClient.open(es.url())) {
      for (var index : List.of("process-instance-v2", "flow-node-instance-v2", "incident-v1")) {
        assertThat(ReadModelDocuments.all(client, es.index(index)))
            .as(index)
            .isEqualTo(ReadModelDocuments.normalizeAll(reference.store.index(es.index(index))));
      }
    }
  }
}
