package dev.sightline.exporter.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.EngineRecords.Instance;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Retention on virtual time, through the exporter as the broker drives it: what goes, what stays,
 * the bounds of one run, and runs that stop half-way.
 */
class RetentionTest {

  private static final String PI = "t-process-instance-v2";
  private static final Duration PERIOD = Duration.ofHours(1);
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  private final VirtualClock clock = new VirtualClock(ExporterHarness.START_MILLIS);
  private final InMemoryStore store = new InMemoryStore();
  private final TestController controller = new TestController(clock);
  private EngineRecords engine =
      new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
  private long rootDefinition;
  private long leafDefinition;

  private static Map<String, Object> args(Map<String, Object> retention) {
    var all = new HashMap<String, Object>();
    all.put("enabled", "true");
    all.put("period", "1h");
    all.put("interval", "1m");
    all.put("replayWindow", "15m");
    all.putAll(retention);
    return Map.of("index", Map.of("prefix", "t"), "retention", all);
  }

  private ExporterHarness harness(Map<String, Object> retention) {
    return new ExporterHarness(args(retention), clock, store, controller, 1);
  }

  private void deploy() {
    rootDefinition =
        engine.deploy(
            "root",
            Bpmn.createExecutableProcess("root")
                .startEvent()
                .serviceTask("root-task", t -> t.zeebeJobType("work"))
                .callActivity("call", c -> c.zeebeProcessId("leaf"))
                .endEvent()
                .done());
    leafDefinition =
        engine.deploy(
            "leaf",
            Bpmn.createExecutableProcess("leaf")
                .startEvent()
                .userTask("approve", u -> u.zeebeUserTask())
                .endEvent()
                .done());
  }

  /**
   * A root instance with a job, a resolved incident and a variable on its task, calling {@code
   * called} leaf instances, each with a completed user task and a variable; finished unless {@code
   * running}. Returns every process instance of the hierarchy, the root first.
   */
  private List<Instance> hierarchy(int called, boolean running) {
    var instances = new ArrayList<Instance>();
    var root = engine.startRoot(rootDefinition, "root");
    instances.add(root);
    var task = engine.activate(root, "root-task", BpmnElementType.SERVICE_TASK);
    var job = engine.jobCreated(task, "work", Map.of());
    engine.variable(VariableIntent.CREATED, root, root.key(), "order", "\"A-1\"");
    var incident = engine.incidentCreated(task, ErrorType.JOB_NO_RETRIES, job);
    engine.incidentResolved(incident);
    engine.jobEvent(job, JobIntent.COMPLETED, value -> value);
    engine.complete(task);
    var call = engine.activate(root, "call", BpmnElementType.CALL_ACTIVITY);
    for (var i = 0; i < called; i++) {
      var leaf = engine.startCalled(call, 0, leafDefinition, "leaf");
      instances.add(leaf);
      var approve = engine.activate(leaf, "approve", BpmnElementType.USER_TASK);
      var userTask = engine.userTaskCreated(approve, value -> value);
      engine.variable(VariableIntent.CREATED, leaf, approve.key(), "ok", "true");
      if (!running) {
        engine.userTaskEvent(userTask, UserTaskIntent.COMPLETED, value -> value);
        engine.complete(approve);
        engine.completeProcess(leaf);
      }
    }
    if (!running) {
      engine.complete(call);
      engine.completeProcess(root);
    }
    return instances;
  }

  private List<Record<?>> drain() {
    return engine.drain();
  }

  /** Records from now on carry the virtual clock's time (the engine's own clock lags). */
  private void recordsFromNow() {
    var records = engine.drain();
    assertThat(records).isEmpty();
    engine = new EngineRecords(engine.factory(), true, clock.millis());
  }

  /** Exports and lets the bulks be written and acknowledged. */
  private void export(ExporterHarness harness, List<Record<?>> records) {
    harness.export(records);
    harness.advance(Duration.ofSeconds(1));
  }

  /** Every document of these instances: theirs, and those whose processInstanceKey is one. */
  private Map<String, Set<String>> documentsOf(List<Instance> instances) {
    var keys = new HashSet<Long>();
    instances.forEach(instance -> keys.add(instance.key()));
    var found = new TreeMap<String, Set<String>>();
    store
        .snapshot()
        .forEach(
            (index, documents) ->
                documents.forEach(
                    (id, fields) -> {
                      var owner =
                          index.equals(PI)
                              ? Long.valueOf(id)
                              : fields.get("processInstanceKey") instanceof Number n
                                  ? n.longValue()
                                  : null;
                      if (owner != null && keys.contains(owner)) {
                        found.computeIfAbsent(index, name -> new HashSet<>()).add(id);
                      }
                    }));
    return found;
  }

  /**
   * A year later, with 20 minutes of runs: time jumps (the exporter's tasks run once), then runs
   * minute by minute, enough for the replay window to pass.
   */
  private void afterAYear(ExporterHarness harness) {
    clock.advance(Duration.ofDays(365));
    harness.advance(Duration.ofMinutes(20));
  }

  private static int count(Map<String, Set<String>> documents) {
    return documents.values().stream().mapToInt(Set::size).sum();
  }

  private double deleted(ExporterHarness harness, String kind) {
    return harness
        .context
        .getMeterRegistry()
        .get("sightline.exporter.retention.deleted")
        .tag("kind", kind)
        .counter()
        .count();
  }

  private double runs(ExporterHarness harness, String outcome) {
    return harness
        .context
        .getMeterRegistry()
        .get("sightline.exporter.retention.runs")
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  /**
   * Every document left of a hierarchy is reachable from its root: the root is there, and each
   * remaining called instance's caller is there too.
   */
  private void assertWholeFromTheRoot(List<Instance> hierarchy) {
    var left = documentsOf(hierarchy);
    if (count(left) == 0) {
      return;
    }
    var instancesLeft = left.getOrDefault(PI, Set.of());
    assertThat(instancesLeft)
        .as("a hierarchy with documents left keeps its root")
        .contains(Long.toString(hierarchy.getFirst().key()));
    for (var instance : hierarchy) {
      if (instancesLeft.contains(Long.toString(instance.key()))
          && instance.parentInstanceKey() > 0) {
        assertThat(instancesLeft).contains(Long.toString(instance.parentInstanceKey()));
      }
    }
    var owners = new HashSet<String>(instancesLeft);
    for (var index : left.keySet()) {
      if (!index.equals(PI)) {
        for (var id : left.get(index)) {
          var owner = store.index(index).get(id).get("processInstanceKey").toString();
          assertThat(owners).as("the instance of %s/%s is left", index, id).contains(owner);
        }
      }
    }
  }

  @Nested
  class WhatGoes {

    @Test
    void shouldDeleteAFinishedHierarchyWholeOncePastThePeriodAndNotBefore() {
      // given a finished hierarchy with every kind of document, and one finished 30 min later
      var harness = harness(Map.of());
      deploy();
      var first = hierarchy(2, false);
      export(harness, drain());
      harness.advance(Duration.ofMinutes(30));
      recordsFromNow();
      var second = hierarchy(2, false);
      export(harness, drain());
      var firstDocuments = documentsOf(first);
      var secondDocuments = documentsOf(second);
      assertThat(firstDocuments.keySet())
          .containsExactlyInAnyOrder(
              PI,
              "t-flow-node-instance-v2",
              "t-variable-v1",
              "t-incident-v1",
              "t-job-v1",
              "t-user-task-v1");
      var everything = store.snapshot();

      // when the first one's period has all but passed, one run a minute
      harness.advance(Duration.ofMinutes(29));

      // then nothing is gone
      assertThat(store.snapshot()).isEqualTo(everything);
      assertThat(runs(harness, "done")).isEqualTo(59);

      // and when it has passed, by one interval
      harness.advance(Duration.ofMinutes(2));

      // then the first hierarchy is gone whole, everything else untouched
      var expected = new TreeMap<>(everything);
      firstDocuments.forEach(
          (index, ids) -> {
            var kept = new TreeMap<>(expected.get(index));
            ids.forEach(kept::remove);
            expected.put(index, kept);
          });
      assertThat(documentsOf(first)).isEmpty();
      assertThat(store.snapshot()).isEqualTo(expected);
      assertThat(deleted(harness, "rootInstance")).isEqualTo(1);
      assertThat(deleted(harness, "calledInstance")).isEqualTo(2);
      assertThat(deleted(harness, "other")).isEqualTo(count(firstDocuments) - 3);

      // and the second goes half an hour later
      assertThat(documentsOf(second)).isEqualTo(secondDocuments);
      harness.advance(Duration.ofMinutes(30));
      assertThat(documentsOf(second)).isEmpty();
    }

    @Test
    void shouldDeleteNothingWhenRetentionIsOffAsByDefault() {
      // given a finished hierarchy and the default settings
      var harness =
          new ExporterHarness(Map.of("index", Map.of("prefix", "t")), clock, store, controller, 1);
      deploy();
      hierarchy(1, false);
      export(harness, drain());
      var everything = store.snapshot();

      // when a year passes (time jumps; the runs of 20 minutes are what a default retention would
      // need to settle and go)
      afterAYear(harness);

      // then
      assertThat(store.snapshot()).isEqualTo(everything);
      assertThat(store.retentionDouble().requests()).isEmpty();
    }
  }

  @Nested
  class WhatStays {

    @Test
    void shouldNeverTouchARunningInstanceNorTheFinishedInstancesItCalled() {
      // given a root still running, one of whose called instances finished long ago, and a
      // finished hierarchy as old
      var harness = harness(Map.of());
      deploy();
      var running = hierarchy(1, true);
      var finishedChild =
          engine.startCalled(
              engine.activate(running.getFirst(), "call", BpmnElementType.CALL_ACTIVITY),
              0,
              leafDefinition,
              "leaf");
      engine.completeProcess(finishedChild);
      var finished = hierarchy(1, false);
      export(harness, drain());
      var runningDocuments = documentsOf(running);
      var childDocuments = documentsOf(List.of(finishedChild));

      // when a year passes
      afterAYear(harness);

      // then the running hierarchy, its finished child included, is untouched
      assertThat(documentsOf(finished)).isEmpty();
      assertThat(documentsOf(running)).isEqualTo(runningDocuments);
      assertThat(documentsOf(List.of(finishedChild))).isEqualTo(childDocuments).isNotEmpty();
    }

    @Test
    void shouldKeepWhatABrokerMightReplayUntilTheReplayWindowHasPassed() {
      // given a hierarchy due one minute after it ended, acknowledged at once
      var harness = harness(Map.of("period", "1m", "replayWindow", "15m"));
      deploy();
      var hierarchy = hierarchy(1, false);
      export(harness, drain());
      assertThat(controller.getLastExportedRecordPosition())
          .isEqualTo(engine.factory().lastPosition());

      // when 14 minutes pass: due for 13, acknowledged for 14
      harness.advance(Duration.ofMinutes(14));

      // then it stays: a broker restarted now could export its records again
      assertThat(documentsOf(hierarchy)).isNotEmpty();

      // and once its acknowledgement is older than the window, it goes
      harness.advance(Duration.ofMinutes(2));
      assertThat(documentsOf(hierarchy)).isEmpty();
    }

    @Test
    void shouldTakeWhatWasAcknowledgedBeforeTheExporterOpenedAsSettled() {
      // given a hierarchy exported and acknowledged by an exporter that then closed
      deploy();
      var hierarchy = hierarchy(1, false);
      var records = drain();
      var first = harness(Map.of("enabled", "false"));
      export(first, records);
      first.exporter.close();
      clock.advance(Duration.ofHours(2));

      // when an exporter opens on the position the broker stored
      var reopened =
          new ExporterHarness(
              args(Map.of("period", "1h", "replayWindow", "15m")),
              clock,
              store,
              new TestController(clock, controller.getLastExportedRecordPosition(), null),
              1);
      reopened.advance(Duration.ofMinutes(1));

      // then its first run removes it: those records are not replayed any more
      assertThat(documentsOf(hierarchy)).isEmpty();
    }
  }

  @Nested
  class Bounds {

    @Test
    void shouldTakeOnAtMostBatchSizeRootsPerRunTheOldestFirst() {
      // given five finished hierarchies
      var harness = harness(Map.of("batchSize", "2"));
      deploy();
      var hierarchies = new ArrayList<List<Instance>>();
      var sizes = new ArrayList<Integer>();
      for (var i = 0; i < 5; i++) {
        hierarchies.add(hierarchy(1, false));
        export(harness, drain());
        sizes.add(count(documentsOf(hierarchies.getLast())));
      }

      // when they all become due in one run
      harness.advance(PERIOD.plus(INTERVAL));

      // then the two oldest are gone, the rest untouched
      assertThat(documentsOf(hierarchies.get(0))).isEmpty();
      assertThat(documentsOf(hierarchies.get(1))).isEmpty();
      for (var i = 2; i < 5; i++) {
        assertThat(count(documentsOf(hierarchies.get(i)))).isEqualTo(sizes.get(i));
      }
      assertThat(deleted(harness, "rootInstance")).isEqualTo(2);

      // and the next runs take the rest, two at a time
      harness.advance(INTERVAL);
      assertThat(deleted(harness, "rootInstance")).isEqualTo(4);
      harness.advance(INTERVAL);
      assertThat(deleted(harness, "rootInstance")).isEqualTo(5);
      hierarchies.forEach(h -> assertThat(documentsOf(h)).isEmpty());
    }

    @Test
    void shouldDeleteAtMostMaxDocumentsPerRunBesidesTheRootsLeavesFirstAndTheRootLast() {
      // given one finished hierarchy of 60 called instances: over 200 documents
      var harness = harness(Map.of("maxDocumentsPerRun", "40"));
      deploy();
      var hierarchy = hierarchy(60, false);
      export(harness, drain());
      var total = count(documentsOf(hierarchy));
      assertThat(total).isGreaterThan(200);
      harness.advance(PERIOD);

      // when it is due and runs come one after the other
      var runs = 0;
      var left = total;
      while (left > 0) {
        harness.advance(INTERVAL);
        runs++;
        var now = count(documentsOf(hierarchy));

        // then each run deletes at most 40 documents besides the root, and makes progress
        assertThat(left - now).as("run %d", runs).isPositive().isLessThanOrEqualTo(40 + 1);
        // and what is left hangs from the root
        assertWholeFromTheRoot(hierarchy);
        left = now;
        assertThat(runs).as("runs needed").isLessThan(50);
      }
      assertThat(runs).isGreaterThanOrEqualTo(total / 41);
      assertThat(deleted(harness, "rootInstance")).isEqualTo(1);
    }
  }

  @Nested
  class Failures {

    @Test
    void shouldFinishInTheNextRunAHierarchyARunLeftHalfWay() {
      // given a due hierarchy, and a store that fails every request after the first delete
      var harness = harness(Map.of());
      deploy();
      var hierarchy = hierarchy(2, false);
      var other = hierarchy(1, false);
      export(harness, drain());
      harness.advance(PERIOD);
      var retention = store.retentionDouble();
      retention.failAfterDeletes(1);

      // when a run stops after deleting the documents of the instances, before the instances
      harness.advance(INTERVAL);

      // then the instances are left, the root with them, and the run counted as failed
      var left = documentsOf(hierarchy);
      assertThat(left.keySet()).containsExactly(PI);
      assertThat(left.get(PI)).hasSize(3);
      assertWholeFromTheRoot(hierarchy);
      assertThat(runs(harness, "failed")).isEqualTo(1);

      // and when the store is back, the next run finishes it
      retention.heal();
      harness.advance(INTERVAL);
      assertThat(documentsOf(hierarchy)).isEmpty();
      assertThat(documentsOf(other)).isEmpty();
    }

    @Test
    void shouldKeepACalledInstanceWhoseDocumentIsRefusedAndEveryInstanceAboveIt() {
      // given a due hierarchy whose first leaf's user task cannot be deleted (a block)
      var harness = harness(Map.of());
      deploy();
      var hierarchy = hierarchy(2, false);
      export(harness, drain());
      harness.advance(PERIOD);
      var blocked = hierarchy.get(1);
      var retention = store.retentionDouble();
      retention.refuseDeletes(
          key ->
              key.index().equals("t-user-task-v1")
                  && store
                      .index(key.index())
                      .get(key.id())
                      .get("processInstanceKey")
                      .equals(blocked.key()));

      // when a run goes
      harness.advance(INTERVAL);

      // then the blocked leaf, its user task and the root are left; the other leaf is gone
      var left = documentsOf(hierarchy);
      assertThat(left.get(PI))
          .containsExactlyInAnyOrder(
              Long.toString(hierarchy.get(0).key()), Long.toString(blocked.key()));
      assertThat(left.get("t-user-task-v1")).hasSize(1);
      assertThat(count(left)).isEqualTo(3);
      assertWholeFromTheRoot(hierarchy);

      // and once the block is lifted, the next run removes the rest
      retention.heal();
      harness.advance(INTERVAL);
      assertThat(documentsOf(hierarchy)).isEmpty();
    }

    @Test
    void shouldNeitherFailNorStallExportingWhileRunsFail() {
      // given a store whose retention requests all fail
      var log = new CapturingLogger();
      var harness = new ExporterHarness(args(Map.of()), clock, store, log);
      deploy();
      hierarchy(1, false);
      export(harness, drain());
      store.retentionDouble().failAfterDeletes(0);

      // when runs fail for two hours while records keep coming
      for (var i = 0; i < 12; i++) {
        harness.advance(Duration.ofMinutes(10));
        recordsFromNow();
        hierarchy(1, false);
        export(harness, drain());
      }

      // then every record was acknowledged, every run failed, and one warning said so
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(engine.factory().lastPosition());
      assertThat(runs(harness, "failed")).isEqualTo(120);
      assertThat(runs(harness, "done")).isZero();
      assertThat(log.lines())
          .filteredOn(line -> line.contains("Retention run on partition 1 failed"))
          .hasSize(1);
    }
  }
}
