package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.testing.CallHierarchy;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.EngineRecords.Element;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incident documents and the incident flags up the call hierarchy (docs/schema.md, "Incident
 * flags").
 */
class IncidentFlagsTest {

  private static final Map<String, Object> ARGS =
      Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 1000, "delay", "1s"));
  private static final String PI = "t-process-instance-v2";
  private static final String FNI = "t-flow-node-instance-v2";
  private static final String INCIDENTS = "t-incident-v1";

  private final CallHierarchy tree =
      new CallHierarchy(
          new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS));
  private final ExporterHarness harness = new ExporterHarness(ARGS);

  /** Exports and flushes: each call is one batch. */
  private static void flush(ExporterHarness harness, List<Record<?>> records) {
    harness.export(records);
    harness.advance(Duration.ofSeconds(1));
  }

  private static Object flag(ExporterHarness harness, String index, long key) {
    return harness.store.index(index).get(Long.toString(key)).get("incident");
  }

  private void started() {
    flush(harness, tree.deploy());
    flush(harness, tree.start());
  }

  private long incidentOn(Element task) {
    return tree.engine.incidentCreated(task, ErrorType.JOB_NO_RETRIES, 42);
  }

  @Nested
  class OneIncident {

    @Test
    void shouldWriteTheIncidentWithItsTreePathAndEveryInstanceOnIt() {
      // given
      started();

      // when
      var incident = incidentOn(tree.taskA);
      flush(harness, tree.engine.drain());

      // then
      assertThat(harness.store.index(INCIDENTS).get(Long.toString(incident)))
          .containsEntry("key", incident)
          .containsEntry("errorType", "JOB_NO_RETRIES")
          .containsEntry("errorMessage", "No more retries left.")
          .containsEntry("state", "ACTIVE")
          .containsEntry("processInstanceKey", tree.leafA.key())
          .containsEntry("elementId", "task")
          .containsEntry("elementInstanceKey", tree.taskA.key())
          .containsEntry("jobKey", 42L)
          .containsEntry("treePath", tree.leafAPath() + "/FN_task/FNI_" + tree.taskA.key())
          .containsEntry(
              "processInstanceKeys", List.of(tree.root.key(), tree.middleA.key(), tree.leafA.key()))
          .containsEntry(
              "flowNodeInstanceKeys",
              List.of(tree.callA.key(), tree.callLeafA.key(), tree.subA.key(), tree.taskA.key()))
          .containsKey("creationTime")
          .doesNotContainKey("resolvedTime");
    }

    @Test
    void shouldFlagTheElementItsScopesAndEveryInstanceUpTheCallHierarchyButNotTheOtherBranch() {
      // given
      started();

      // when
      incidentOn(tree.taskA);
      flush(harness, tree.engine.drain());

      // then
      for (var instance : List.of(tree.root, tree.middleA, tree.leafA)) {
        assertThat(flag(harness, PI, instance.key()))
            .as("instance %s", instance.bpmnProcessId())
            .isEqualTo(true);
      }
      for (var element : List.of(tree.callA, tree.callLeafA, tree.subA, tree.taskA)) {
        assertThat(flag(harness, FNI, element.key()))
            .as("element %s", element.elementId())
            .isEqualTo(true);
      }
      assertThat(flag(harness, PI, tree.middleB.key())).isEqualTo(false);
      assertThat(flag(harness, PI, tree.leafB.key())).isEqualTo(false);
      assertThat(flag(harness, FNI, tree.callB.key())).isEqualTo(false);
      assertThat(flag(harness, FNI, tree.taskB.key())).isEqualTo(false);
    }

    @Test
    void shouldClearEveryFlagWhenTheIncidentIsResolved() {
      // given an open incident, flushed
      started();
      var incident = incidentOn(tree.taskA);
      flush(harness, tree.engine.drain());

      // when
      tree.engine.incidentResolved(incident);
      flush(harness, tree.engine.drain());

      // then
      assertThat(harness.store.index(INCIDENTS).get(Long.toString(incident)))
          .containsEntry("state", "RESOLVED")
          .containsKey("resolvedTime")
          .containsKey("creationTime");
      for (var instance : List.of(tree.root, tree.middleA, tree.leafA)) {
        assertThat(harness.store.index(PI).get(Long.toString(instance.key())))
            .containsEntry("incident", false)
            .containsEntry("openIncidentKeys", List.of());
      }
      for (var element : List.of(tree.callA, tree.callLeafA, tree.subA, tree.taskA)) {
        assertThat(flag(harness, FNI, element.key())).isEqualTo(false);
      }
    }

    @Test
    void shouldFlagOnlyTheInstanceForAnIncidentOnTheProcessItself() {
      // given an incident whose element is the leaf process itself
      started();
      var process =
          new Element(
              tree.leafA,
              tree.leafA.key(),
              "leaf",
              BpmnElementType.PROCESS,
              List.of(tree.leafA.key()));

      // when
      var incident = tree.engine.incidentCreated(process, ErrorType.EXTRACT_VALUE_ERROR, -1);
      flush(harness, tree.engine.drain());

      // then no flow-node document is made for the process element
      assertThat(harness.store.index(FNI)).doesNotContainKey(Long.toString(tree.leafA.key()));
      assertThat(harness.store.index(INCIDENTS).get(Long.toString(incident)))
          .containsEntry("treePath", tree.leafAPath())
          .doesNotContainKey("jobKey");
      assertThat(flag(harness, PI, tree.leafA.key())).isEqualTo(true);
      assertThat(flag(harness, PI, tree.root.key())).isEqualTo(true);
    }

    @Test
    void shouldMoveAMigratedIncidentWithoutChangingFlags() {
      // given an open incident
      started();
      var incident = incidentOn(tree.taskA);
      flush(harness, tree.engine.drain());

      // when it is migrated to another element of a new definition
      tree.engine.incidentEvent(
          incident,
          IncidentIntent.MIGRATED,
          value -> value.withElementId("task-v2").withProcessDefinitionKey(777));
      flush(harness, tree.engine.drain());

      // then
      assertThat(harness.store.index(INCIDENTS).get(Long.toString(incident)))
          .containsEntry("state", "ACTIVE")
          .containsEntry("elementId", "task-v2")
          .containsEntry("processDefinitionKey", 777L)
          .containsEntry("treePath", tree.leafAPath() + "/FN_task-v2/FNI_" + tree.taskA.key());
      assertThat(flag(harness, PI, tree.root.key())).isEqualTo(true);
    }
  }

  @Nested
  class OverlappingIncidents {

    @Test
    void shouldKeepTheRootFlaggedUntilTheLastIncidentOfEitherChildIsResolved() {
      // given incidents in both branches, each event in its own batch
      started();
      var first = incidentOn(tree.taskA);
      flush(harness, tree.engine.drain());
      var second = incidentOn(tree.taskB);
      flush(harness, tree.engine.drain());

      // when the first is resolved
      tree.engine.incidentResolved(first);
      flush(harness, tree.engine.drain());

      // then only the first branch is cleared
      assertThat(flag(harness, PI, tree.root.key()))
          .as("root: the second is still open")
          .isEqualTo(true);
      assertThat(flag(harness, PI, tree.middleA.key())).isEqualTo(false);
      assertThat(flag(harness, PI, tree.leafA.key())).isEqualTo(false);
      assertThat(flag(harness, PI, tree.middleB.key())).isEqualTo(true);
      assertThat(harness.store.index(PI).get(Long.toString(tree.root.key())))
          .containsEntry("openIncidentKeys", List.of(second));

      // when the second is resolved too
      tree.engine.incidentResolved(second);
      flush(harness, tree.engine.drain());

      // then
      assertThat(flag(harness, PI, tree.root.key())).isEqualTo(false);
      assertThat(flag(harness, PI, tree.middleB.key())).isEqualTo(false);
    }

    @Test
    void shouldGiveTheSameFlagsWhenEverythingFallsIntoOneBatch() {
      // given
      started();
      var first = incidentOn(tree.taskA);
      var second = incidentOn(tree.taskB);
      tree.engine.incidentResolved(first);

      // when created, created, resolved in one batch
      flush(harness, tree.engine.drain());

      // then
      assertThat(flag(harness, PI, tree.root.key())).isEqualTo(true);
      assertThat(flag(harness, PI, tree.leafA.key())).isEqualTo(false);
      assertThat(harness.store.index(PI).get(Long.toString(tree.root.key())))
          .containsEntry("openIncidentKeys", List.of(second));
    }

    @Test
    void shouldCountTwoIncidentsOnOneElementSeparately() {
      // given two open incidents on the same task
      started();
      var first = incidentOn(tree.taskA);
      var second = tree.engine.incidentCreated(tree.taskA, ErrorType.IO_MAPPING_ERROR, -1);
      flush(harness, tree.engine.drain());

      // when one is resolved
      tree.engine.incidentResolved(first);
      flush(harness, tree.engine.drain());

      // then the task is still flagged for the other
      assertThat(harness.store.index(FNI).get(Long.toString(tree.taskA.key())))
          .containsEntry("incident", true)
          .containsEntry("openIncidentKeys", List.of(second));
    }
  }

  @Nested
  class ManyIncidentsUnderOneRoot {

    private static final int INCIDENTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code count} more tasks in leaf A's sub-process, each active. */
    private List<Element> tasks(int count) {
      var tasks = new ArrayList<Element>();
      for (int i = 0; i < count; i++) {
        tasks.add(tree.engine.activateIn(tree.subA, "task", BpmnElementType.SERVICE_TASK));
      }
      return tasks;
    }

    /** JSON bytes of each write of the document, in order. */
    private List<Integer> writtenBytes(InMemoryStore store, String index, long key) {
      var bytes = new ArrayList<Integer>();
      for (var bulk : store.writes()) {
        for (var document : bulk) {
          if (document.key().index().equals(index)
              && document.key().id().equals(Long.toString(key))) {
            try {
              bytes.add(JSON.writeValueAsBytes(document.fields()).length);
            } catch (JsonProcessingException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
      return bytes;
    }

    private Map<String, Object> root() {
      return harness.store.index(PI).get(Long.toString(tree.root.key()));
    }

    @Test
    void shouldWriteABoundedDocumentPerIncidentEventHoweverManyAreOpen() {
      // given many tasks under one root
      started();
      var tasks = tasks(INCIDENTS);
      flush(harness, tree.engine.drain());
      var writesBefore = writtenBytes(harness.store, PI, tree.root.key()).size();

      // when an incident is raised on each, each event in its own batch
      var incidents = new ArrayList<Long>();
      for (var task : tasks) {
        incidents.add(incidentOn(task));
        flush(harness, tree.engine.drain());
      }

      // then the root was written once per event, and what one write holds stopped growing once
      // the sample was full
      var bytes = writtenBytes(harness.store, PI, tree.root.key());
      var perEvent = bytes.subList(writesBefore, bytes.size());
      assertThat(perEvent).hasSize(INCIDENTS);
      var sampleFull = perEvent.get(IncidentTally.SAMPLE_SIZE);
      assertThat(perEvent.getLast())
          .as("bytes of the root's write for incident %d vs incident %d", INCIDENTS, 11)
          .isLessThanOrEqualTo(sampleFull + 2);
      assertThat(perEvent).allSatisfy(size -> assertThat(size).isLessThan(1_024));
      assertThat(root())
          .containsEntry("incident", true)
          .containsEntry("openIncidentCount", (long) INCIDENTS)
          .containsEntry("openIncidentKeys", incidents.subList(0, IncidentTally.SAMPLE_SIZE));
    }

    @Test
    void shouldKeepTheFlagsExactAsTheIncidentsAreResolvedOneByOne() {
      // given many open incidents, the first half flushed one by one, the rest in one batch
      started();
      var tasks = tasks(INCIDENTS);
      flush(harness, tree.engine.drain());
      var incidents = new ArrayList<Long>();
      for (var task : tasks) {
        incidents.add(incidentOn(task));
        if (incidents.size() <= INCIDENTS / 2) {
          flush(harness, tree.engine.drain());
        }
      }
      flush(harness, tree.engine.drain());

      // when they are resolved one by one, in an order unlike their creation
      var order = new ArrayList<>(incidents);
      java.util.Collections.shuffle(order, new java.util.Random(12));
      for (int resolved = 1; resolved <= INCIDENTS; resolved++) {
        var incident = order.get(resolved - 1);
        tree.engine.incidentResolved(incident);
        flush(harness, tree.engine.drain());

        // then after each, the root, the branch and the resolved task say exactly what is open
        var open = INCIDENTS - resolved;
        assertThat(root())
            .as("root after %d resolutions", resolved)
            .containsEntry("incident", open > 0)
            .containsEntry("openIncidentCount", (long) open);
        assertThat(flag(harness, PI, tree.leafA.key())).isEqualTo(open > 0);
        assertThat(flag(harness, FNI, tree.subA.key())).isEqualTo(open > 0);
        var task = tasks.get(incidents.indexOf(incident));
        assertThat(flag(harness, FNI, task.key())).isEqualTo(false);
        @SuppressWarnings("unchecked")
        var sample = (List<Long>) root().get("openIncidentKeys");
        assertThat(sample)
            .as("a sample of the open incidents")
            .hasSizeLessThanOrEqualTo(IncidentTally.SAMPLE_SIZE)
            .doesNotContainAnyElementsOf(order.subList(0, resolved));
      }
      assertThat(flag(harness, PI, tree.middleB.key())).isEqualTo(false);
    }

    @ParameterizedTest(name = "crash after record {0}, replay from record {1}")
    @CsvSource({"60, 0", "60, 45", "100, 70", "100, 99", "130, 80", "130, 110", "130, 129"})
    void shouldCountNothingTwiceWhenTheTailIsReplayedAfterACrash(int crashedAfter, int replayFrom) {
      // given a log of 30 incidents under one root (records 89 to 118), then resolved one by one
      // except two (119 to 146)
      var log = new ArrayList<Record<?>>(tree.deploy());
      log.addAll(tree.start());
      var tasks = tasks(30);
      var incidents = new ArrayList<Long>();
      for (var task : tasks) {
        incidents.add(incidentOn(task));
      }
      incidents.subList(0, 28).forEach(tree.engine::incidentResolved);
      log.addAll(tree.engine.drain());
      assertThat(log).hasSize(147);
      var clean = new ExporterHarness(ARGS);
      flush(clean, log);

      // when an exporter that wrote the log up to a point, one record per batch, crashes and a new
      // one replays from an earlier position to the end, all in one batch
      var store = new InMemoryStore();
      var crashed =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      log.subList(0, crashedAfter).forEach(record -> flush(crashed, List.of(record)));
      var replay =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      flush(replay, log.subList(replayFrom, log.size()));

      // then
      assertThat(store.snapshot()).isEqualTo(clean.store.snapshot());
      var root = store.index(PI).get(Long.toString(tree.root.key()));
      assertThat(root).containsEntry("incident", true).containsEntry("openIncidentCount", 2L);
      @SuppressWarnings("unchecked")
      var sample = (List<Long>) root.get("openIncidentKeys");
      assertThat(sample)
          .as("the sample held the first ten, all resolved since")
          .isSubsetOf(incidents.subList(28, 30));
    }

    @Test
    void shouldCountNothingTwiceWhenABulkWasWrittenInPartBeforeTheCrash() {
      // given an open incident, flushed
      var store = new InMemoryStore();
      var first =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      flush(first, tree.deploy());
      flush(first, tree.start());
      var firstIncident = incidentOn(tree.taskA);
      flush(first, tree.engine.drain());
      var acknowledged = first.controller.getLastExportedRecordPosition();

      // when a second incident's bulk reaches every document but the root, and the exporter
      // crashes
      var second = tree.engine.incidentCreated(tree.taskA, ErrorType.IO_MAPPING_ERROR, -1);
      var records = tree.engine.drain();
      var rootId = Long.toString(tree.root.key());
      store.reject(document -> document.key().id().equals(rootId), 429, "es_rejected_execution");
      first.export(records);
      first.advance(Duration.ofSeconds(1));
      assertThat(first.controller.getLastExportedRecordPosition()).isEqualTo(acknowledged);
      store.stopRejecting();

      // and a new exporter replays the unacknowledged record
      var restarted =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      flush(restarted, records);

      // then every document counts both incidents once
      for (var instance : List.of(tree.root, tree.middleA, tree.leafA)) {
        assertThat(store.index(PI).get(Long.toString(instance.key())))
            .as("instance %s", instance.bpmnProcessId())
            .containsEntry("openIncidentCount", 2L);
      }
      assertThat(store.index(FNI).get(Long.toString(tree.taskA.key())))
          .containsEntry("openIncidentCount", 2L)
          .containsEntry("openIncidentKeys", List.of(firstIncident, second));
    }
  }

  @Nested
  class Restarts {

    @Test
    void shouldReadOpenIncidentsBackFromTheIndexAfterARestartWithEmptyCaches() {
      // given two open incidents written by an exporter that then stopped
      var store = new InMemoryStore();
      var first =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      flush(first, tree.deploy());
      flush(first, tree.start());
      var incidentA = incidentOn(tree.taskA);
      var incidentB = incidentOn(tree.taskB);
      flush(first, tree.engine.drain());
      first.exporter.close();

      // when a new exporter, caches empty, exports the first resolution
      var second =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      tree.engine.incidentResolved(incidentA);
      flush(second, tree.engine.drain());

      // then it read the root's set from the index and keeps the root flagged
      assertThat(store.gets()).as("sets read back by GET").isPositive();
      assertThat(flag(second, PI, tree.root.key())).isEqualTo(true);
      assertThat(flag(second, PI, tree.leafA.key())).isEqualTo(false);

      // and the last resolution clears it
      tree.engine.incidentResolved(incidentB);
      flush(second, tree.engine.drain());
      assertThat(flag(second, PI, tree.root.key())).isEqualTo(false);
    }

    @ParameterizedTest(name = "replay from record {0}")
    @ValueSource(ints = {0, 3, 20, 27, 30})
    void shouldConvergeOnTheSameDocumentsWhenReplayingFromAnEarlierPosition(int replayFrom) {
      // given the whole log: overlapping incidents, resolved one after the other
      var log = new ArrayList<Record<?>>(tree.deploy());
      log.addAll(tree.start());
      var incidentA = incidentOn(tree.taskA);
      var incidentB = incidentOn(tree.taskB);
      tree.engine.incidentResolved(incidentA);
      log.addAll(tree.engine.drain());
      var clean = new ExporterHarness(ARGS);
      flush(clean, log);

      // when an exporter that wrote everything, one record per batch, crashes and a new one replays
      // the tail
      var store = new InMemoryStore();
      var crashed =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      log.forEach(record -> flush(crashed, List.of(record)));
      var replay =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      flush(replay, log.subList(replayFrom, log.size()));

      // then the documents are those of a clean run
      assertThat(store.snapshot()).isEqualTo(clean.store.snapshot());
      assertThat(flag(replay, PI, tree.root.key())).isEqualTo(true);
      assertThat(replay.store.index(PI).get(Long.toString(tree.root.key())))
          .containsEntry("openIncidentKeys", List.of(incidentB));
    }

    @Test
    void shouldRetryWithoutAnyChangeWhenTheIndexCannotBeRead() {
      // given an open incident, flushed, and a new exporter with empty caches
      var store = new InMemoryStore();
      var first =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      flush(first, tree.deploy());
      flush(first, tree.start());
      var incident = incidentOn(tree.taskA);
      flush(first, tree.engine.drain());
      first.exporter.close();
      var second =
          new ExporterHarness(ARGS, new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      tree.engine.incidentResolved(incident);
      var resolved = tree.engine.drain().getFirst();

      // when the index cannot be read
      store.setDown(true);
      assertThatThrownBy(() -> second.exporter.export(resolved)).isInstanceOf(StoreException.class);

      // then the broker's retry, once it can, clears the flags
      store.setDown(false);
      flush(second, List.of(resolved));
      assertThat(flag(second, PI, tree.root.key())).isEqualTo(false);
      assertThat(flag(second, FNI, tree.taskA.key())).isEqualTo(false);
    }
  }

  @Test
  void shouldDeriveTheSameScopeForIncidentsWithoutTreeFields() {
    // given a broker before 8.6: no tree fields on any record
    var old =
        new CallHierarchy(
            new EngineRecords(new RecordFactory(1), false, ExporterHarness.START_MILLIS));
    flush(harness, old.deploy());
    flush(harness, old.start());

    // when
    var incident = old.engine.incidentCreated(old.taskA, ErrorType.JOB_NO_RETRIES, 42);
    flush(harness, old.engine.drain());

    // then the paths come from the instances' documents
    assertThat(harness.store.index(INCIDENTS).get(Long.toString(incident)))
        .containsEntry("treePath", old.leafAPath() + "/FN_task/FNI_" + old.taskA.key())
        .containsEntry(
            "processInstanceKeys", List.of(old.root.key(), old.middleA.key(), old.leafA.key()))
        .containsEntry(
            "flowNodeInstanceKeys",
            List.of(old.callA.key(), old.callLeafA.key(), old.subA.key(), old.taskA.key()));
    assertThat(flag(harness, PI, old.root.key())).isEqualTo(true);
    assertThat(flag(harness, FNI, old.subA.key())).isEqualTo(true);
  }
}
