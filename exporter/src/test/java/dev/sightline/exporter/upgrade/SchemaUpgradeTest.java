package dev.sightline.exporter.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.testing.BrokerFilter;
import dev.sightline.exporter.testing.BumpedSchema;
import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A schema upgrade on virtual time: the first part of the records written with the production
 * schema ({@code process-instance-v2}), the rest by an exporter whose schema has {@code
 * process-instance} at v3 ({@link BumpedSchema}). Before it writes anything, it moves its
 * partition's documents from v2 into v3, page by page, upgraded, holding records meanwhile; the
 * read model then equals a clean run of the new schema, plus the field the upgrade step derived on
 * the documents it moved.
 */
class SchemaUpgradeTest {

  private static final Map<String, Object> ARGS =
      Map.of(
          "index", Map.of("prefix", "t", "upgradePageSize", 2),
          "bulk", Map.of("size", 1000, "delay", "1s"));
  private static final String V2 = "t-process-instance-v2";
  private static final String V3 = "t-process-instance-v3";

  private final VirtualClock clock = new VirtualClock(ExporterHarness.START_MILLIS);
  private final InMemoryStore store = new InMemoryStore();
  private final CapturingLogger log = new CapturingLogger();
  private List<Record<?>> before;
  private List<Record<?>> after;
  private TestController upgraded;
  private Map<String, Map<String, Object>> v2AtUpgrade;

  /**
   * Three parent instances run to completion and a fourth half-way (still running, its child not
   * started) under the production schema, acknowledged; the broker then restarts with the new
   * schema from there.
   */
  @BeforeEach
  void writeTheFirstPartWithTheProductionSchema() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var all = new ArrayList<Record<?>>(scenario.deploy());
    for (var i = 0; i < 4; i++) {
      all.addAll(scenario.runToCompletion());
    }
    var cut = all.size() - 12;
    before = all.subList(0, cut);
    after = all.subList(cut, all.size());
    var controller = new TestController(clock);
    var old = new ExporterHarness(ARGS, clock, store, controller, 1);
    old.export(before);
    old.advance(Duration.ofSeconds(1));
    old.exporter.close();
    assertThat(controller.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(before));
    v2AtUpgrade = new TreeMap<>(store.snapshot().get(V2));
    assertThat(v2AtUpgrade).as("process instances in v2").hasSizeGreaterThan(6);
    assertThat(v2AtUpgrade.values())
        .as("one still running")
        .anySatisfy(document -> assertThat(document).containsEntry("state", "ACTIVE"));
    upgraded =
        new TestController(
            clock,
            controller.getLastExportedRecordPosition(),
            controller.readMetadata().orElseThrow());
  }

  private ExporterHarness openWithTheNewSchema(TestController controller) {
    return ExporterHarness.withIndices(ARGS, clock, store, controller, BumpedSchema.INDICES, log);
  }

  @Test
  void shouldMoveThePartitionsDocumentsForwardBeforeWritingAndEndAsACleanRunOfTheNewSchema() {
    // when the exporter opens with the new schema and exports the rest
    var harness = openWithTheNewSchema(upgraded);
    harness.export(after);
    harness.advance(Duration.ofSeconds(1));

    // then v2 is empty, v3 holds every document of a clean run, the moved ones upgraded
    assertThat(store.index(V2)).isEmpty();
    assertThat(withoutEmptyIndices(store.snapshot())).isEqualTo(expected());
    assertThat(upgraded.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
    // page by page: two documents a page, then one search that finds none
    var pages = (v2AtUpgrade.size() + 1) / 2;
    assertThat(store.upgradeDouble().requests().stream().filter("create"::equals)).hasSize(pages);
    assertThat(store.upgradeDouble().requests().stream().filter("page"::equals)).hasSize(pages + 1);
    assertThat(counter(harness, "copied")).isEqualTo(v2AtUpgrade.size());
    assertThat(log.all())
        .contains("t-process-instance-v2 holds no more documents of this partition")
        .contains("schema upgrade done: " + v2AtUpgrade.size() + " document(s) moved");
  }

  @Test
  void shouldHoldRecordsAndAcknowledgeNothingUntilTheCopyIsDoneThenExportEverythingInOrder() {
    // given a node that does not answer the copy-forward's searches yet
    var writes = store.writes().size();
    store.upgradeDouble().holdFrom("page");
    var harness = openWithTheNewSchema(upgraded);
    var acknowledged = upgraded.getLastExportedRecordPosition();

    // when the rest of the records arrive and a minute passes
    harness.export(after);
    harness.advance(Duration.ofMinutes(1));

    // then they are held: nothing handled, written or acknowledged
    assertThat(store.writes()).hasSize(writes);
    assertThat(upgraded.getLastExportedRecordPosition()).isEqualTo(acknowledged);
    assertThat(gauge(harness, "sightline.exporter.importers.held")).isPositive();
    assertThat(gauge(harness, "sightline.exporter.schema.upgrade.copying")).isEqualTo(1.0);

    // when the node answers
    store.upgradeDouble().release();
    harness.advance(Duration.ofSeconds(1));

    // then the copy is done first, then every record is written, acknowledged in order
    assertThat(gauge(harness, "sightline.exporter.importers.held")).isZero();
    assertThat(gauge(harness, "sightline.exporter.schema.upgrade.copying")).isZero();
    assertThat(store.index(V2)).isEmpty();
    assertThat(withoutEmptyIndices(store.snapshot())).isEqualTo(expected());
    assertThat(upgraded.acknowledgements()).isSorted();
    assertThat(upgraded.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
  }

  @Test
  void shouldConvergeWhenTheExporterCrashesAfterAPageWasCreatedAndBeforeItWasDeleted() {
    // given an exporter that created the first page in v3 and crashed before its delete was done
    store.upgradeDouble().neverAnswerDeletes();
    var crashed = openWithTheNewSchema(upgraded);
    crashed.export(after);
    crashed.advance(Duration.ofSeconds(1));
    assertThat(store.index(V3)).as("the first page, copied").hasSize(2);
    assertThat(store.index(V2)).as("still whole").hasSameSizeAs(v2AtUpgrade);
    var acknowledged = upgraded.getLastExportedRecordPosition();
    assertThat(acknowledged).isLessThan(BrokerFilter.lastAccepted(after));

    // when the broker restarts it from what was acknowledged: the same records again
    store.upgradeDouble().answerDeletes();
    var restarted = new TestController(clock, acknowledged, upgraded.readMetadata().orElseThrow());
    var harness = openWithTheNewSchema(restarted);
    harness.export(after);
    harness.advance(Duration.ofSeconds(1));

    // then the page is found again, its copies are kept (409) and the rest moves as before
    assertThat(counter(harness, "present")).isEqualTo(2.0);
    assertThat(counter(harness, "copied")).isEqualTo(v2AtUpgrade.size() - 2);
    assertThat(store.index(V2)).isEmpty();
    assertThat(withoutEmptyIndices(store.snapshot())).isEqualTo(expected());
    assertThat(restarted.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
  }

  @Test
  void shouldStartOverAfterTheBackoffWhenAPageFailsAndAcknowledgeNothingMeanwhile() {
    // given the first page's create and then its retry fail
    store.upgradeDouble().failNext("create", 2);
    var acknowledged = upgraded.getLastExportedRecordPosition();
    var harness = openWithTheNewSchema(upgraded);

    // when the records arrive, and the backoff (100 ms, then 200 ms) passes
    harness.export(after);
    harness.advance(Duration.ofMillis(250));
    assertThat(upgraded.getLastExportedRecordPosition()).isEqualTo(acknowledged);
    assertThat(
            harness
                .context
                .getMeterRegistry()
                .get("sightline.exporter.schema.upgrade.failures")
                .counter()
                .count())
        .isEqualTo(2.0);
    harness.advance(Duration.ofSeconds(1));

    // then it went on and ended as without failures; one warning for the series
    assertThat(store.index(V2)).isEmpty();
    assertThat(withoutEmptyIndices(store.snapshot())).isEqualTo(expected());
    assertThat(upgraded.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
    assertThat(log.lines().stream().filter(line -> line.contains("copy-forward failed")))
        .hasSize(1);
    assertThat(log.all()).contains("copy-forward goes on");
  }

  @Test
  void shouldLeaveAnotherPartitionsDocumentsAndMoveThoseWithoutAPartition() {
    // given a process instance of partition 2 and a partial document without a partition in v2
    store.put(V2, "9007199254740993", Map.of("key", 9007199254740993L, "partitionId", 2));
    store.put(V2, "77", Map.of("key", 77L, "state", "COMPLETED"));

    // when partition 1 upgrades
    var harness = openWithTheNewSchema(upgraded);
    harness.export(after);
    harness.advance(Duration.ofSeconds(1));

    // then partition 2's stays for its own exporter; the one without a partition moved
    assertThat(store.index(V2)).containsOnlyKeys("9007199254740993");
    assertThat(store.index(V3).get("77"))
        .isEqualTo(Map.of("key", 77L, "state", "COMPLETED", "rootInstance", true));
  }

  @Test
  void shouldLeaveAloneAVersionWithoutAnUpgradeStepAndNamesThatOnlyLookLikeVersions() {
    // given v1 (no step from v1 is declared) and an index whose name only starts like a version
    store.put("t-process-instance-v1", "5", Map.of("key", 5L, "partitionId", 1));
    store.put("t-process-instance-v2-copy", "6", Map.of("key", 6L, "partitionId", 1));

    // when
    var harness = openWithTheNewSchema(upgraded);
    harness.export(after);
    harness.advance(Duration.ofSeconds(1));

    // then both are untouched, v1 with a warning; the rest as always
    assertThat(store.index("t-process-instance-v1")).containsOnlyKeys("5");
    assertThat(store.index("t-process-instance-v2-copy")).containsOnlyKeys("6");
    assertThat(log.all())
        .contains(
            "index t-process-instance-v1 is version 1 of process-instance, but no upgrade step"
                + " leads from it to v3")
        .doesNotContain("t-process-instance-v2-copy");
    assertThat(store.index(V2)).isEmpty();
    assertThat(upgraded.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
  }

  @Test
  void shouldDeadLetterADocumentTheCurrentVersionRefusesForGoodAndMoveOn() {
    // given a document in v2 that v3 refuses for good
    store.put(V2, "77", Map.of("key", 77L, "partitionId", 1, "state", "COMPLETED"));
    store.upgradeDouble().refuseCreates("77"::equals);

    // when
    var harness = openWithTheNewSchema(upgraded);
    harness.export(after);
    harness.advance(Duration.ofSeconds(1));

    // then it is in the dead-letter index, with where it was going, and gone from v2
    var letters = store.index("t-dead-letter-v1").values();
    assertThat(letters)
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter)
                    .containsEntry("targetIndex", V3)
                    .containsEntry("documentId", "77")
                    .containsEntry("errorType", "document_parsing_exception"));
    assertThat(counter(harness, "deadLettered")).isEqualTo(1.0);
    assertThat(store.index(V2)).isEmpty();
    assertThat(upgraded.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
  }

  @Test
  void shouldRetryADocumentRefusedForGoodUnderTheBlockPolicyAndWriteNothingMeanwhile() {
    // given the block policy and a document in v2 that v3 refuses for good
    var args =
        Map.<String, Object>of(
            "index", Map.of("prefix", "t", "upgradePageSize", 2),
            "bulk", Map.of("size", 1000, "delay", "1s"),
            "errors", Map.of("onRejected", "block"));
    store.put(V2, "77", Map.of("key", 77L, "partitionId", 1, "state", "COMPLETED"));
    store.upgradeDouble().refuseCreates("77"::equals);
    var acknowledged = upgraded.getLastExportedRecordPosition();
    var harness =
        ExporterHarness.withIndices(args, clock, store, upgraded, BumpedSchema.INDICES, log);

    // when the records arrive and a minute passes
    harness.export(after);
    harness.advance(Duration.ofMinutes(1));

    // then nothing is written or acknowledged, and the document stays in v2
    assertThat(upgraded.getLastExportedRecordPosition()).isEqualTo(acknowledged);
    assertThat(store.index(V2)).containsKey("77");
    assertThat(store.index("t-dead-letter-v1")).isEmpty();
    // and once the refusal is lifted, it moves and the rest is written
    store.upgradeDouble().refuseCreates(id -> false);
    harness.advance(Duration.ofSeconds(11));
    assertThat(store.index(V2)).isEmpty();
    assertThat(upgraded.getLastExportedRecordPosition())
        .isEqualTo(BrokerFilter.lastAccepted(after));
  }

  @Test
  void shouldCountAndWarnWhenTheOlderVersionHoldsLaterChangesThanTheCurrentOnesCopy() {
    // given a document moved forward at position 10 and written again in v2 at 20 afterwards, by a
    // broker of the older version
    store.put(V3, "88", Map.of("key", 88L, "partitionId", 1, "state", "ACTIVE", "position", 10L));
    store.put(
        V2, "88", Map.of("key", 88L, "partitionId", 1, "state", "COMPLETED", "position", 20L));
    store.put(V3, "89", Map.of("key", 89L, "partitionId", 1, "state", "ACTIVE", "position", 30L));
    store.put(V2, "89", Map.of("key", 89L, "partitionId", 1, "state", "ACTIVE", "position", 30L));

    // when
    var harness = openWithTheNewSchema(upgraded);
    harness.export(after);
    harness.advance(Duration.ofSeconds(1));

    // then the current copies are kept, and the one that misses later changes is counted and named
    assertThat(store.index(V3).get("88")).containsEntry("position", 10L);
    assertThat(counter(harness, "newerInOlder")).isEqualTo(1.0);
    assertThat(log.all())
        .contains(
            "1 document(s) in t-process-instance-v2 hold changes newer than their copy in"
                + " t-process-instance-v3 (e.g. 88: position 20 there, 10 here)");
    assertThat(store.index(V2)).isEmpty();
  }

  @Test
  void shouldAskOnlyWhichVersionsExistWhenNothingIsToMove() {
    // given a cluster on the production schema already
    var fresh = new InMemoryStore();
    var harness = new ExporterHarness(ARGS, clock, fresh, new TestController(clock), 1);

    // when
    harness.export(before);
    harness.advance(Duration.ofSeconds(1));

    // then
    assertThat(fresh.upgradeDouble().requests()).containsExactly("indices");
    assertThat(fresh.index(V2)).hasSameSizeAs(v2AtUpgrade);
  }

  /** A clean run of the new schema on every record, plus what the step derived on moved ones. */
  private Map<String, Map<String, Map<String, Object>>> expected() {
    var clean = new InMemoryStore();
    var time = new VirtualClock(ExporterHarness.START_MILLIS);
    var reference =
        ExporterHarness.withIndices(
            ARGS,
            time,
            clean,
            new TestController(time),
            BumpedSchema.INDICES,
            new CapturingLogger());
    var all = new ArrayList<Record<?>>(before);
    all.addAll(after);
    reference.export(all);
    reference.advance(Duration.ofSeconds(1));
    var expected = withoutEmptyIndices(clean.snapshot());
    var instances = expected.get(V3);
    v2AtUpgrade.forEach(
        (id, document) ->
            instances.get(id).put(BumpedSchema.ROOT_INSTANCE.name(), rootInstance(document)));
    return expected;
  }

  private static boolean rootInstance(Map<String, Object> document) {
    return !document.containsKey(ProcessInstanceIndex.PARENT_PROCESS_INSTANCE_KEY.name());
  }

  private static Map<String, Map<String, Map<String, Object>>> withoutEmptyIndices(
      Map<String, Map<String, Map<String, Object>>> snapshot) {
    var kept = new TreeMap<String, Map<String, Map<String, Object>>>();
    snapshot.forEach(
        (index, documents) -> {
          if (!documents.isEmpty()) {
            kept.put(index, documents);
          }
        });
    return kept;
  }

  private static double counter(ExporterHarness harness, String outcome) {
    return harness
        .context
        .getMeterRegistry()
        .get("sightline.exporter.schema.upgrade.documents")
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private static double gauge(ExporterHarness harness, String name) {
    return harness.context.getMeterRegistry().get(name).gauge().value();
  }
}
