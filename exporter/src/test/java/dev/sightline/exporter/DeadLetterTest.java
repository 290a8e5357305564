package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.protocol.record.Record;
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

  private static ExporterHarness harness(String policy) {
    return new ExporterHarness(
        Map.of(
            "index",
            Map.of("prefix", "t"),
            "bulk",
            Map.of("delay", "1s"),
            "errors",
            Map.of("onRejected", policy)));
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

    // then nothing is dead-lettered and nothing acknowledged
    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.acknowledgements()).isEmpty();
  }

  @Test
  void shouldBlockUnderTheBlockPolicy() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var harness = harness("block");
    harness.store.reject(d -> d.key().index().equals(PI), 400, "document_parsing_exception");
    harness.export(records(scenario));

    harness.advance(Duration.ofMinutes(1));

    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.acknowledgements()).isEmpty();
  }
}
