package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refusals Elasticsearch lifts by itself or an operator lifts — a write block, the disk's
 * flood-stage block, missing privileges, a closed index, a deleted index: the exporter keeps the
 * batch, acknowledges nothing and dead-letters nothing, then writes everything once the refusal is
 * gone.
 */
class TemporaryRefusalsTest {

  private static final String FNI = "t-flow-node-instance-v2";
  private static final String PI = "t-process-instance-v2";
  private static final String DEAD_LETTERS = "t-dead-letter-v1";

  private final ProcessScenario scenario =
      new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
  private final List<Record<?>> records = records(scenario);
  private final CapturingLogger log = new CapturingLogger();
  private final ExporterHarness harness =
      new ExporterHarness(
          Map.of(
              "index", Map.of("prefix", "t"),
              "bulk", Map.of("delay", "1s", "linger", "1s", "maxInFlight", 1),
              "retry", Map.of("maxBackoff", "10s")),
          log);

  private static List<Record<?>> records(ProcessScenario scenario) {
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "403 | cluster_block_exception | index [t-flow-node-instance-v2] blocked by:"
            + " [FORBIDDEN/8/index write (api)];",
        "429 | cluster_block_exception | index [t-flow-node-instance-v2] blocked by:"
            + " [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has"
            + " read-only-allow-delete block];",
        "403 | security_exception | action [indices:data/write/bulk[s]] is unauthorized for user"
            + " [sightline] on indices [t-flow-node-instance-v2]",
        "401 | security_exception | unable to authenticate user [sightline]",
        "400 | index_closed_exception | closed",
        "503 | unavailable_shards_exception | primary shard is not active"
      })
  void shouldKeepTheBatchWhileTheRefusalLastsAndWriteEverythingAfter(
      int status, String type, String reason) {
    // given Elasticsearch refusing every flow-node document
    harness.store.reject(d -> d.key().index().equals(FNI), status, type, reason);

    // when the records are exported and a minute passes
    harness.export(records);
    harness.advance(Duration.ofMinutes(1));

    // then nothing is dead-lettered, and nothing acknowledged from the first refused document's
    // record on (what was written before it is durable)
    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isLessThan(harness.store.lowestRefusedPosition());

    // when the refusal is lifted
    harness.store.stopRejecting();
    harness.advance(Duration.ofSeconds(10));

    // then every document is written and the last record acknowledged
    assertThat(harness.store.index(FNI)).hasSize(7);
    assertThat(harness.store.index(PI)).hasSize(2);
    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }

  @Test
  void shouldSayHowToLiftAWriteBlockInOneLinePerAttempt() {
    // given a write block on the flow-node index
    harness.store.reject(
        d -> d.key().index().equals(FNI),
        403,
        "cluster_block_exception",
        "index [t-flow-node-instance-v2] blocked by: [FORBIDDEN/8/index write (api)];");

    // when
    harness.export(records);
    harness.advance(Duration.ofMinutes(1));

    // then each failed attempt is one line naming the error type once, with what to do
    var failures =
        log.lines().stream().filter(line -> line.contains("cluster_block_exception")).toList();
    assertThat(failures)
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("WARN Bulk of ")
                    .containsOnlyOnce("cluster_block_exception")
                    .contains("cluster_block_exception x7")
                    .contains("index t-flow-node-instance-v2 has a write block (index.blocks.write")
                    .contains(
                        "lift it with PUT /t-flow-node-instance-v2/_settings"
                            + " {\"index.blocks.write\": null}"));
  }

  @Test
  void shouldCreateADeletedIndexAgainAndWriteIntoIt() {
    // given the flow-node index deleted while Elasticsearch may not create indices by itself
    // (action.auto_create_index=false): writes to it are refused with 404 index_not_found
    var schemaCalls = harness.store.schemaCalls();
    harness.store.dropIndex(FNI);

    // when
    harness.export(records);
    harness.advance(Duration.ofSeconds(5));

    // then the schema was created again, and everything written, nothing dead-lettered
    assertThat(harness.store.schemaCalls()).isGreaterThan(schemaCalls);
    assertThat(harness.store.index(FNI)).hasSize(7);
    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }

  @Test
  void shouldWaitForTheTemporaryRefusalBeforeDeadLetteringAPermanentOne() {
    // given one document wrong for good and the rest of its index blocked for now
    var child = Long.toString(scenario.childInstanceKey);
    harness.store.reject(
        d -> d.key().index().equals(PI) && d.key().id().equals(child),
        400,
        "document_parsing_exception",
        "failed to parse");
    harness.store.reject(
        d -> d.key().index().equals(FNI),
        403,
        "cluster_block_exception",
        "index [t-flow-node-instance-v2] blocked by: [FORBIDDEN/8/index write (api)];");

    // when
    harness.export(records);
    harness.advance(Duration.ofMinutes(1));

    // then nothing moved
    assertThat(harness.store.index(DEAD_LETTERS)).isEmpty();
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isLessThan(harness.store.lowestRefusedPosition());

    // when the block is lifted, the mapping problem stays
    harness.store.stopRejecting();
    harness.store.reject(
        d -> d.key().index().equals(PI) && d.key().id().equals(child),
        400,
        "document_parsing_exception",
        "failed to parse");
    harness.advance(Duration.ofSeconds(10));

    // then the flow nodes are written, the child instance is a dead letter, the partition moved on
    assertThat(harness.store.index(FNI)).hasSize(7);
    assertThat(harness.store.index(DEAD_LETTERS)).hasSize(1);
    assertThat(harness.controller.getLastExportedRecordPosition())
        .isEqualTo(records.getLast().getPosition());
  }
}
