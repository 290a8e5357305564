package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Documents Elasticsearch rejects for good: dead-lettered by default, or blocking when the policy
 * says so.
 */
class DeadLetterTest {

  private static final String PI = "t-process-instance-v2";
  private static final String DEAD_LETTERS = "t-dead-letter-v1";

  private static List<Record<?>> records(ProcessScenario scenario) {
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  private static final String VARIABLES = "t-variable-v1";
  private static final String DEFINITIONS = "t-process-definition-v1";

  private static Map<String, Object> args(String policy) {
    return Map.of(
        "index",
        Map.of("prefix", "t"),
        "bulk",
        Map.of("delay", "1s", "linger", "1s", "maxInFlight", 1),
        "errors",
        Map.of("onRejected", policy));
  }

  private static ExporterHarness harness(String policy) {
    return new ExporterHarness(args(policy));
  }

  private static double meter(ExporterHarness harness, String name) {
    var counters = harness.context.getMeterRegistry().find(name).counters();
    return counters.stream().mapToDouble(counter -> counter.count()).sum();
  }

  @Test
  void shouldDeadLetterAPermanentlyRejectedDocumentAndMoveOn() {
    // given Elasticsearch rejecting the child instance's document with a mapping error
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = records(scenario);
    var harness = harness("dead-letter");
    var child = Long.toString(scenario.childInstanceKey);
    harness.store.reject(
        d -> d.key().index().equals(PI) && d.key().id().equals(child),
        400,
        "document_parsing_exception");

    // when
    harness.export(records);
    harness.advance(Duration.ofSeconds(1));

    // then the rest is written, the rejected document is in the dead-letter index, and the
    // partition moved on
    assertThat(harness.store.index(PI)).containsOnlyKeys(Long.toString(scenario.parentInstanceKey));
    assertThat(harness.store.index(DEAD_LETTERS).values())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter)
                  .containsEntry("targetIndex", PI)
                  .containsEntry("documentId", child)
                  .containsEntry("errorType", "document_parsing_exception")
                  .containsEntry("status", 400)
                  .containsEntry("partitionId", 1);
              assertThat((String) letter.get("document"))
                  .contains("\"treePath\":\"PI_" + scenario.parentInstanceKey);
            });
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(
            harness
                .context
                .getMeterRegistry()
                .get("sightline.exporter.dead.letters")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldRetryInsteadOfDeadLetteringWhenARejectionMayPass() {
    // given a 429 (too many requests) on one document
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var harness = harness("dead-letter");
    harness.store.reject(d -> d.key().index().equals(PI), 429, "es_rejected_execution_exception");
    harness.export(records(scenario));

    // when
    harness.advance(Duration.ofSeconds(5));

    // then nothing is dead-lettered, and nothing acknowledged from the refused document's record on
    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isLessThan(harness.store.lowestRefusedPosition());
  }

  @Test
  void shouldBlockUnderTheBlockPolicy() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var harness = harness("block");
    harness.store.reject(d -> d.key().index().equals(PI), 400, "document_parsing_exception");
    harness.export(records(scenario));

    harness.advance(Duration.ofMinutes(1));

    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isLessThan(harness.store.lowestRefusedPosition());
  }

  @Test
  void shouldGiveADeadLetterABoundedIdWhenTheDocumentIdIsLong() {
    // given a variable whose id is just under Elasticsearch's 512 bytes, rejected for good
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var instance =
        engine.startRoot(
            engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel()),
            ProcessScenario.PARENT);
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "n".repeat(480), "1");
    var records = engine.drain();
    var harness = harness("dead-letter");
    harness.store.reject(
        d -> d.key().index().equals(VARIABLES), 400, "document_parsing_exception", "bad value");

    // when
    harness.export(records);
    harness.advance(Duration.ofSeconds(1));

    // then the dead letter is written (its id fits) and the partition moved on
    assertThat(harness.store.index(DEAD_LETTERS).keySet())
        .singleElement()
        .satisfies(
            id -> assertThat(id.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512));
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }

  @Test
  void shouldWriteOneDeadLetterPerRejectedDefinitionHoweverOftenItIsReplayed() {
    // given process definitions rejected for good (they carry no position)
    var store = new InMemoryStore();
    store.reject(
        d -> d.key().index().equals(DEFINITIONS), 400, "document_parsing_exception", "bad value");
    var deployment =
        new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS).deploy();

    // when the deployment is exported, then replayed an hour later after a restart
    for (var hour = 0; hour < 2; hour++) {
      var clock =
          new VirtualClock(ExporterHarness.START_MILLIS + Duration.ofHours(hour).toMillis());
      var harness = new ExporterHarness(args("dead-letter"), clock, store, 1);
      harness.export(deployment);
      harness.advance(Duration.ofSeconds(1));
      assertThat(harness.controller.getLastExportedRecordPosition())
          .isEqualTo(deployment.getLast().getPosition());
    }

    // then the replay overwrote the dead letters instead of adding to them
    assertThat(store.index(DEAD_LETTERS)).hasSize(2);
  }

  @Test
  void shouldKeepTheFieldValuesElasticsearchQuotesOutOfTheLogAndTheDeadLetter() {
    // given a rejection whose reason quotes the value
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var log = new CapturingLogger();
    var harness = new ExporterHarness(args("dead-letter"), log);
    harness.store.reject(
        d -> d.key().index().equals(PI),
        400,
        "document_parsing_exception",
        "failed to parse field [bpmnProcessId] of type [long] in document with id '1'. Preview of"
            + " field's value: 'Jane Doe'");

    // when
    harness.export(records(scenario));
    harness.advance(Duration.ofSeconds(1));

    // then
    assertThat(harness.store.index(DEAD_LETTERS).values())
        .hasSize(2)
        .allSatisfy(
            letter ->
                assertThat((String) letter.get("reason"))
                    .endsWith("Preview of field's value: (value omitted)"));
    assertThat(log.all()).contains("document_parsing_exception").doesNotContain("Jane Doe");
  }

  @Test
  void shouldWriteADeadLetterWithoutTheDocumentWhenTheOneWithItIsRefused() {
    // given a rejected instance, and a dead-letter index that refuses letters carrying a document
    // (created by hand with another mapping)
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = records(scenario);
    var log = new CapturingLogger();
    var harness = new ExporterHarness(args("dead-letter"), log);
    var child = Long.toString(scenario.childInstanceKey);
    harness.store.reject(
        d -> d.key().index().equals(PI) && d.key().id().equals(child),
        400,
        "document_parsing_exception",
        "failed to parse");
    harness.store.reject(
        d -> d.key().index().equals(DEAD_LETTERS) && d.fields().containsKey("document"),
        400,
        "document_parsing_exception",
        "failed to parse field [document] of type [long]");

    // when
    harness.export(records);
    harness.advance(Duration.ofSeconds(1));

    // then the letter is there without the document, saying why, and the partition moved on
    assertThat(harness.store.index(DEAD_LETTERS).values())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter)
                  .containsEntry("documentId", child)
                  .containsEntry("errorType", "document_parsing_exception")
                  .doesNotContainKey("document");
              assertThat((String) letter.get("reason"))
                  .contains("the dead letter with the document was refused too");
            });
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
    assertThat(log.lines())
        .filteredOn(line -> line.startsWith("ERROR"))
        .singleElement()
        .asString()
        .contains("without it");
  }

  @Test
  void shouldSayLoudlyAndRetryWhenTheDeadLetterIndexRefuses() {
    // given a rejected instance, and a write block on the dead-letter index
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var records = records(scenario);
    var log = new CapturingLogger();
    var harness = new ExporterHarness(args("dead-letter"), log);
    var child = Long.toString(scenario.childInstanceKey);
    var rejected =
        (java.util.function.Predicate<dev.sightline.exporter.batch.PendingDocument>)
            d -> d.key().index().equals(PI) && d.key().id().equals(child);
    harness.store.reject(rejected, 400, "document_parsing_exception", "failed to parse");
    harness.store.reject(
        d -> d.key().index().equals(DEAD_LETTERS),
        403,
        "cluster_block_exception",
        "index [t-dead-letter-v1] blocked by: [FORBIDDEN/8/index write (api)];");

    // when
    harness.export(records);
    harness.advance(Duration.ofMinutes(1));

    // then nothing is acknowledged, and the failure is an ERROR and a metric, not a silent block
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isLessThan(harness.store.lowestRefusedPosition());
    assertThat(log.lines())
        .filteredOn(line -> line.startsWith("ERROR"))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("dead letter(s) to t-dead-letter-v1 failed")
                    .contains("cluster_block_exception")
                    .contains("{\"index.blocks.write\": null}"));
    assertThat(meter(harness, "sightline.exporter.dead.letters.failed")).isPositive();

    // when the block is lifted
    harness.store.stopRejecting();
    harness.store.reject(rejected, 400, "document_parsing_exception", "failed to parse");
    harness.advance(Duration.ofSeconds(10));

    // then the dead letter is written and the partition moves on
    assertThat(harness.store.index(DEAD_LETTERS)).hasSize(1);
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }
}
