package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SightlineExporterTest {

  private static final String PI = "t-process-instance-v2";
  private static final String FNI = "t-flow-node-instance-v2";

  /**
   * One bulk at a time, sent when full or due ({@code bulk.linger} = {@code bulk.delay}): the
   * batching bounds these tests check. Group commit and pipelining: {@code WritePathTest}.
   */
  private static Map<String, Object> args(int size, String delay, String memoryLimit) {
    return Map.of(
        "index", Map.of("prefix", "t"),
        "bulk",
            Map.of(
                "size", size,
                "delay", delay,
                "memoryLimit", memoryLimit,
                "linger", delay,
                "maxInFlight", 1),
        "retry", Map.of("maxBackoff", "2s"));
  }

  /**
   * Deployment plus one parent instance calling one child: 2 definitions, 2 instances, 7 flow
   * nodes.
   */
  private static List<Record<?>> scenario() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private static List<Record<?>> processInstanceRecords() {
    return scenario().stream().filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE).toList();
  }

  /**
   * Exports the deployment and flushes it, so the definitions are known before Elasticsearch goes
   * down (an unknown definition is looked up in the index, and a failed lookup is retried by the
   * broker).
   */
  private static void deployed(ExporterHarness harness) {
    harness.export(scenario().stream().filter(r -> r.getValueType() == ValueType.PROCESS).toList());
    harness.advance(Duration.ofHours(1));
    assertThat(harness.store.writes()).hasSize(1);
  }

  private static List<Long> concat(List<Long> first, long next) {
    var all = new ArrayList<>(first);
    all.add(next);
    return all;
  }

  @Nested
  class Aggregation {

    @Test
    void shouldWriteOneDocumentForEveryRecordOfOneElementInOneBatch() {
      // given a batch large enough for the whole scenario
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));

      // when every record is exported and the delay passes
      harness.export(scenario());
      harness.advance(Duration.ofSeconds(1));

      // then one write holds one document per entity, each with its final state
      assertThat(harness.store.writes()).hasSize(1);
      var keys = harness.store.writes().getFirst().stream().map(PendingDocument::key).toList();
      assertThat(keys)
          .as("2 definitions, 2 instances, 7 flow nodes")
          .doesNotHaveDuplicates()
          .hasSize(2 + 2 + 7);
      assertThat(harness.store.index(FNI).values())
          .allSatisfy(doc -> assertThat(doc).containsEntry("state", "COMPLETED"));
      assertThat(harness.store.index(PI).values())
          .allSatisfy(doc -> assertThat(doc).containsEntry("state", "COMPLETED"));
    }

    @Test
    void shouldMergeActivatingActivatedAndCompletedIntoOneWrite() {
      // given the three lifecycle records of one service task
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      var records = processInstanceRecords();
      var taskRecords =
          records.stream()
              .filter(
                  r ->
                      r.getValue()
                              instanceof
                              io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue v
                          && v.getElementId().equals("parent-task"))
              .filter(r -> r.getIntent() != ProcessInstanceIntent.ELEMENT_COMPLETING)
              .toList();
      assertThat(taskRecords)
          .extracting(Record::getIntent)
          .containsExactly(
              ProcessInstanceIntent.ELEMENT_ACTIVATING,
              ProcessInstanceIntent.ELEMENT_ACTIVATED,
              ProcessInstanceIntent.ELEMENT_COMPLETED);

      // when
      harness.export(taskRecords);
      harness.advance(Duration.ofSeconds(1));

      // then
      assertThat(harness.store.writes())
          .singleElement()
          .satisfies(write -> assertThat(write).hasSize(1));
      var key = Long.toString(taskRecords.getFirst().getKey());
      assertThat(harness.store.index(FNI).get(key))
          .containsEntry("state", "COMPLETED")
          .containsEntry("elementId", "parent-task")
          .containsEntry("position", taskRecords.getLast().getPosition());
    }
  }

  @Nested
  class FlushTriggers {

    @Test
    void shouldFlushWhenTheBatchHoldsBulkSizeDocuments() {
      // given bulk.size = 3 and a delay that never passes
      var harness = new ExporterHarness(args(3, "1h", "10MB"));
      var records = processInstanceRecords();

      // when records are exported until a fourth document would start
      var exported = new ArrayList<Record<?>>();
      for (var record : records) {
        harness.export(List.of(record));
        exported.add(record);
        if (!harness.store.writes().isEmpty()) {
          break;
        }
      }

      // then exactly three documents were written, and their last record acknowledged
      assertThat(harness.store.writes())
          .singleElement()
          .satisfies(write -> assertThat(write).hasSize(3));
      assertThat(harness.controller.acknowledgements())
          .containsExactly(exported.getLast().getPosition());
    }

    @Test
    void shouldFlushWhenTheDelayHasPassedSinceTheOldestRecord() {
      // given
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      harness.export(processInstanceRecords().subList(0, 1));

      // when / then
      harness.advance(Duration.ofMillis(999));
      assertThat(harness.store.writes()).as("before the delay").isEmpty();
      harness.advance(Duration.ofMillis(1));
      assertThat(harness.store.writes()).as("at the delay").hasSize(1);
    }

    @Test
    void shouldFlushOnDelayInsideExportWhenTheScheduledTaskIsStarved() {
      // given a record pending, and a busy stream: time passes but the scheduled task never gets to
      // run
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      var records = processInstanceRecords();
      harness.export(records.subList(0, 1));
      harness.clock.advance(Duration.ofSeconds(1));
      assertThat(harness.store.writes()).isEmpty();

      // when the next record arrives
      harness.export(records.subList(1, 2));

      // then export itself noticed the deadline
      assertThat(harness.store.writes()).hasSize(1);
      assertThat(harness.controller.acknowledgements())
          .containsExactly(records.get(1).getPosition());
    }

    @Test
    void shouldFlushWhenTheEstimatedBytesReachTheMemoryLimit() {
      // given a 1 KB memory limit, a large bulk size and a delay that never passes
      var harness = new ExporterHarness(args(1000, "1h", "1KB"));

      // when
      harness.export(processInstanceRecords());

      // then the memory limit alone caused flushes, each of a few documents
      assertThat(harness.store.writes()).hasSizeGreaterThan(1);
      assertThat(harness.store.writes())
          .allSatisfy(write -> assertThat(write.size()).isLessThan(10));
    }
  }

  @Nested
  class Acknowledgement {

    @Test
    void shouldAcknowledgeNothingWhileFlushesFailAndKeepTheBatch() {
      // given Elasticsearch down
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      deployed(harness);
      var acknowledged = harness.controller.acknowledgements();
      harness.store.setDown(true);
      var records = processInstanceRecords();

      // when records are exported and much time passes
      harness.export(records);
      harness.advance(Duration.ofMinutes(5));

      // then nothing more was written or acknowledged
      assertThat(harness.store.writes()).hasSize(1);
      assertThat(harness.controller.acknowledgements()).isEqualTo(acknowledged);
    }

    @Test
    void shouldWriteTheSameDocumentsOnRetryAsACleanRunAndAcknowledgeThen() {
      // given a clean run for reference
      var clean = new ExporterHarness(args(1000, "1s", "10MB"));
      clean.export(scenario());
      clean.advance(Duration.ofSeconds(1));

      // and a run whose first two flush attempts fail
      var faulty = new ExporterHarness(args(1000, "1s", "10MB"));
      faulty.store.failNext(2);
      var records = scenario();
      faulty.export(records);
      faulty.advance(Duration.ofSeconds(1));
      assertThat(faulty.controller.acknowledgements()).isEmpty();

      // when the backoff passes
      faulty.advance(Duration.ofSeconds(5));

      // then the retry wrote exactly the clean run's documents and acknowledged the last position
      assertThat(faulty.store.writes()).hasSize(1);
      assertThat(faulty.store.snapshot()).isEqualTo(clean.store.snapshot());
      assertThat(faulty.controller.getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
    }

    @Test
    void shouldRefuseRecordsWhenTheBatchIsFullAndCannotBeFlushedThenAcceptThemLater() {
      // given bulk.size = 2 and Elasticsearch down
      var harness = new ExporterHarness(args(2, "1h", "10MB"));
      deployed(harness);
      var deployment = harness.controller.getLastExportedRecordPosition();
      harness.store.setDown(true);
      var records = processInstanceRecords();

      // when records keep coming: the failed bulk waits for its retry, the next batch fills up
      Record<?> refused = null;
      var accepted = new ArrayList<Record<?>>();
      for (var record : records) {
        try {
          harness.exporter.export(record);
          accepted.add(record);
        } catch (ExporterException e) {
          assertThat(e).hasMessageContaining("Batch full").hasMessageContaining("next attempt in");
          refused = record;
          break;
        }
      }

      // then a full batch that cannot be flushed refused a record (the broker retries it), and
      // nothing past the deployment was acknowledged
      assertThat(refused).as("a record refused while Elasticsearch is down").isNotNull();
      assertThat(harness.controller.getLastExportedRecordPosition()).isEqualTo(deployment);

      // and once Elasticsearch is back and the backoff has passed, the retried record is accepted
      harness.store.setDown(false);
      harness.clock.advance(Duration.ofSeconds(2));
      harness.exporter.export(refused);
      harness.advance(Duration.ofHours(1));
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(refused.getPosition());
    }

    @Test
    void shouldAcknowledgeASkippedRecordAtOnceWhenNothingIsPending() {
      // given an empty batch
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      var sequenceFlow = sequenceFlowTaken(new RecordFactory(1));

      // when a record the read model does not need arrives
      harness.exporter.export(sequenceFlow);

      // then its position is acknowledged without any write
      assertThat(harness.store.writes()).isEmpty();
      assertThat(harness.controller.acknowledgements()).containsExactly(sequenceFlow.getPosition());
    }

    @Test
    void shouldAcknowledgeASkippedRecordWithTheNextFlushWhenDocumentsArePending() {
      // given a pending document
      var factory = new RecordFactory(1);
      var scenario = new ProcessScenario(factory, true, ExporterHarness.START_MILLIS);
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      harness.export(scenario.deploy());
      var first =
          scenario.runToCompletion().stream().filter(harness::accepted).findFirst().orElseThrow();
      harness.exporter.export(first);

      // when a skipped record follows
      var skipped = sequenceFlowTaken(factory);
      harness.exporter.export(skipped);
      assertThat(harness.controller.acknowledgements())
          .as("not before the flush")
          .doesNotContain(skipped.getPosition());
      harness.advance(Duration.ofSeconds(1));

      // then the flush acknowledges up to the skipped record
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(skipped.getPosition());
    }

    private Record<?> sequenceFlowTaken(RecordFactory factory) {
      var value =
          io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue.builder()
              .withBpmnElementType(
                  io.camunda.zeebe.protocol.record.value.BpmnElementType.SEQUENCE_FLOW)
              .withElementId("flow")
              .withProcessInstanceKey(1)
              .build();
      return factory.event(
          ValueType.PROCESS_INSTANCE,
          ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN,
          factory.nextKey(),
          value,
          0);
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void shouldCreateTheSchemaAtOpen() {
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      assertThat(harness.store.schemaCalls()).isEqualTo(1);
    }

    @Test
    void shouldCreateTheSchemaBeforeTheFirstFlushWhenElasticsearchWasDownAtOpen() {
      // given a store down at open
      var store = new InMemoryStore();
      store.failNext(1);
      var harness =
          new ExporterHarness(
              args(1000, "1s", "10MB"), new VirtualClock(ExporterHarness.START_MILLIS), store, 1);
      assertThat(store.schemaCalls()).isZero();

      // when a batch is flushed
      harness.export(processInstanceRecords());
      harness.advance(Duration.ofSeconds(1));

      // then the schema came first
      assertThat(store.schemaCalls()).isEqualTo(1);
      assertThat(store.writes()).hasSize(1);
    }

    @Test
    void shouldCreateTheSchemaBeforeTheFirstLookupWhenElasticsearchWasDownAtOpen() {
      // given a store down at open
      var store = new InMemoryStore();
      store.failNext(1);
      var harness =
          new ExporterHarness(
              args(1000, "1s", "10MB"), new VirtualClock(ExporterHarness.START_MILLIS), store, 1);

      // when the first record needs a lookup: its process was deployed before this exporter's
      // history, so its definition is read from the index
      harness.export(processInstanceRecords().subList(0, 1));

      // then the schema was created before that read
      assertThat(store.calls()).isNotEmpty().first().isEqualTo("ensureSchema");
      assertThat(store.calls()).anySatisfy(call -> assertThat(call).startsWith("get "));
    }

    @Test
    void shouldFlushPendingDocumentsAndStopTheTaskOnClose() {
      // given pending documents
      var harness = new ExporterHarness(args(1000, "1h", "10MB"));
      var records = processInstanceRecords();
      harness.export(records);

      // when
      harness.exporter.close();

      // then
      assertThat(harness.store.writes()).hasSize(1);
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
      assertThat(harness.controller.pendingTasks()).isZero();
      assertThat(harness.store.isClosed()).isTrue();
    }

    @Test
    void shouldValidateTheConfigurationOnTheBrokersThrowAwayInstance() {
      // given the broker's validation call: partition Integer.MIN_VALUE, no open
      var exporter = new SightlineExporter((config, schema, json) -> new InMemoryStore());
      var context =
          ExporterHarness.context(
              Map.of("bulk", Map.of("size", 0)), Integer.MIN_VALUE, new VirtualClock(0));

      // when / then
      assertThatThrownBy(() -> exporter.configure(context)).hasMessageContaining("bulk.size");
    }

    @Test
    void shouldWarnOnceOfCredentialsOverPlainHttpOnTheRunningInstanceOnly() {
      // given the broker's two configure calls, both with basic auth to an http URL
      var args =
          Map.<String, Object>of(
              "connect",
              Map.of("url", "http://es:9200", "username", "elastic", "password", "hunter2"));
      var log = new CapturingLogger();
      var validation = ExporterHarness.context(args, Integer.MIN_VALUE, new VirtualClock(0), log);
      var running = ExporterHarness.context(args, 1, new VirtualClock(0), log);

      // when
      new SightlineExporter((config, schema, json) -> new InMemoryStore()).configure(validation);
      new SightlineExporter((config, schema, json) -> new InMemoryStore()).configure(running);

      // then one line, from the running instance, without the password
      assertThat(log.lines())
          .containsExactly(
              "WARN connect.url: http://es:9200 is plain http, so the credentials of"
                  + " connect.username/connect.password travel unencrypted to Elasticsearch; use"
                  + " https:// URLs");
      assertThat(log.all()).doesNotContain("hunter2");
    }

    @Test
    void shouldPurgeIdempotently() {
      // given written documents
      var harness = new ExporterHarness(args(1000, "1s", "10MB"));
      harness.export(processInstanceRecords());
      harness.advance(Duration.ofSeconds(1));
      assertThat(harness.store.snapshot()).isNotEmpty();

      // when purged twice
      harness.exporter.purge();
      harness.exporter.purge();

      // then
      assertThat(harness.store.snapshot()).isEmpty();
    }
  }
}
