package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.importers.ImportStatusSource;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.it.support.UnprivilegedProxy;
import dev.sightline.probe.twohop.importer.Importer;
import io.camunda.zeebe.protocol.record.Record;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The importer-done check against real indices, and the importer's completion when there is nothing
 * to read.
 */
@RealEngines
class ImportStatusIT {

  private static ImportStatusSource source(EngineTarget es) {
    return source(es, es.index("import-position"));
  }

  private static ImportStatusSource source(EngineTarget es, String positionIndex) {
    return source(es, es.url(), positionIndex);
  }

  private static ImportStatusSource source(EngineTarget es, URI url, String positionIndex) {
    var config =
        ConfigParser.parse(
            Map.of(
                "connect", Map.of("url", url.toString()),
                "importers",
                    Map.of(
                        "positionIndex",
                        positionIndex,
                        "recordIndexPrefix",
                        es.index("zeebe-record"))));
    return ImportStatusSource.Factory.ELASTICSEARCH.create(config, new ObjectMapper());
  }

  private static void position(
      EngineClient client, EngineTarget es, int partition, String alias, boolean completed) {
    position(client, es.index("import-position"), partition, alias, completed);
  }

  private static void position(
      EngineClient client, String index, int partition, String alias, boolean completed) {
    client.index(
        index,
        partition + "-" + alias,
        Map.of(
            "aliasName",
            alias,
            "partitionId",
            partition,
            "position",
            1,
            "sequence",
            1,
            "indexName",
            "x",
            "completed",
            completed));
  }

  @Test
  void shouldFindNothingToWaitForWithoutRecordIndices(EngineTarget es) throws Exception {
    try (var client = EngineClient.open(es.url());
        var source = source(es)) {
      position(client, es, 1, "zeebe-record-process-instance", false);

      assertThat(source.check(1).state()).isEqualTo(ImportStatus.State.NOTHING_TO_WAIT_FOR);
    }
  }

  @Test
  void shouldWaitUntilEveryReaderOfThePartitionHasCompleted(EngineTarget es) throws Exception {
    try (var client = EngineClient.open(es.url());
        var source = source(es)) {
      // given a record index and no position yet for partition 1
      client.createIndex(es.index("zeebe-record") + "_process-instance_8.6.0_2026-11-28", null);
      assertThat(source.check(1).state())
          .as("no positions")
          .isEqualTo(ImportStatus.State.NOTHING_TO_WAIT_FOR);

      // when two readers of partition 1 exist, one completed, and partition 2's reader is not
      // completed
      position(client, es, 1, "zeebe-record-process-instance", true);
      position(client, es, 1, "zeebe-record-variable", false);
      position(client, es, 2, "zeebe-record-process-instance", false);

      // then partition 1 waits, until its second reader completes too
      assertThat(source.check(1)).isEqualTo(ImportStatus.of(1, 2));
      position(client, es, 1, "zeebe-record-variable", true);
      assertThat(source.check(1).state()).isEqualTo(ImportStatus.State.COMPLETED);
      assertThat(source.check(2).state()).isEqualTo(ImportStatus.State.WAITING);
    }
  }

  /** A record of the partition in a record index named as Zeebe's exporter names them. */
  private static void record(EngineClient client, EngineTarget es, int partition, long position) {
    client.index(
        es.index("zeebe-record") + "_process-instance_8.6.0_2026-11-28",
        partition + "-" + position,
        Map.of(
            "partitionId",
            partition,
            "position",
            position,
            "sequence",
            ((long) partition << 51) + position,
            "valueType",
            "PROCESS_INSTANCE"));
  }

  @Test
  void shouldWaitWhileTheRecordsOfThePartitionHaveNoImportPositionYet(EngineTarget es)
      throws Exception {
    try (var client = EngineClient.open(es.url());
        var source = source(es)) {
      // given records of partitions 1 and 2, and an importer with a position of partition 2 only
      record(client, es, 1, 10);
      record(client, es, 2, 20);
      position(client, es, 2, "zeebe-record-process-instance", false);

      // when / then partition 1 waits for its first position; partition 3 has nothing to import
      assertThat(source.check(1).state())
          .as("records of the partition, no position of it")
          .isEqualTo(ImportStatus.State.WAITING);
      assertThat(source.check(3).state()).isEqualTo(ImportStatus.State.NOTHING_TO_WAIT_FOR);

      // and once the importer has saved and completed partition 1's position, it is done
      position(client, es, 1, "zeebe-record-process-instance", false);
      assertThat(source.check(1)).isEqualTo(ImportStatus.of(0, 1));
      position(client, es, 1, "zeebe-record-process-instance", true);
      assertThat(source.check(1).state()).isEqualTo(ImportStatus.State.COMPLETED);
    }
  }

  @Test
  void shouldSeeRecordsTheRecordIndexHasNotRefreshedYet(EngineTarget es) throws Exception {
    // given a record of partition 1 written a moment ago: its index has not refreshed since (the
    // old broker's last bulk, acknowledged just before the upgraded broker opened)
    var recordIndex = es.index("zeebe-record") + "_process-instance_8.6.0_2026-11-28";
    try (var client = EngineClient.open(es.url());
        var source = source(es)) {
      client.createIndex(recordIndex, "{\"settings\":{\"index.refresh_interval\":-1}}");
      client.call(
          "PUT",
          "/" + recordIndex + "/_doc/1-10",
          Map.of("partitionId", 1, "position", 10, "valueType", "PROCESS_INSTANCE"));

      // when / then the partition waits for its importer: the record counts (a count alone
      // sees refreshed documents only, and found none: the gate opened once on that)
      assertThat(source.check(1).state()).isEqualTo(ImportStatus.State.WAITING);
    }
  }

  @Test
  void shouldCountWhatIsVisibleWhenNotAllowedToRefreshTheRecordIndices(EngineTarget es)
      throws Exception {
    // given a user who may read the record indices but not refresh them
    try (var client = EngineClient.open(es.url());
        var unprivileged = UnprivilegedProxy.start(es.url(), "_refresh");
        var source = source(es, unprivileged.url(), es.index("import-position"))) {
      record(client, es, 1, 10);

      // when / then the check still works: partition 1's visible record makes it wait, and
      // partition 2, with none, has nothing to wait for, saying it counted without a refresh
      assertThat(source.check(1).state()).isEqualTo(ImportStatus.State.WAITING);
      var nothing = source.check(2);
      assertThat(nothing.state()).isEqualTo(ImportStatus.State.NOTHING_TO_WAIT_FOR);
      assertThat(nothing.detail())
          .contains("counted without refreshing " + es.index("zeebe-record") + "_*");
    }
  }

  @Test
  void shouldFindOperatesAndTasklistsVersionedPositionIndicesByPattern(EngineTarget es)
      throws Exception {
    // given Operate's and Tasklist's position indices as they name them, found by pattern
    var operate = es.index("operate-import-position-8.3.0_");
    var tasklist = es.index("tasklist-import-position-8.2.0_");
    var patterns =
        es.index("operate-import-position") + "*," + es.index("tasklist-import-position") + "*";
    try (var client = EngineClient.open(es.url());
        var source = source(es, patterns)) {
      record(client, es, 1, 10);
      client.createIndex(tasklist, null);
      position(client, operate, 1, "zeebe-record-process-instance", true);

      // when / then Tasklist, with no position of partition 1 yet, keeps the partition waiting
      var waiting = source.check(1);
      assertThat(waiting.state()).isEqualTo(ImportStatus.State.WAITING);
      assertThat(waiting.detail()).endsWith("no import position of it yet in " + tasklist);

      // and once both importers have completed their readers, the partition is done
      position(client, tasklist, 1, "zeebe-record-user-task", true);
      assertThat(source.check(1)).isEqualTo(ImportStatus.of(2, 2));
    }
  }

  @Test
  void shouldKeepTheExporterFromWritingWhileTheRecordsOfItsPartitionHaveNoImportPosition(
      EngineTarget es) throws Exception {
    // given a record of partition 1 in a record index, and no import position of it anywhere
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    try (var client = EngineClient.open(es.url())) {
      record(client, es, 1, 10);
      var importers =
          Map.<String, Object>of(
              "importers",
              Map.of(
                  "checkInterval",
                  "10s",
                  "positionIndex",
                  es.index("import-position"),
                  "recordIndexPrefix",
                  es.index("zeebe-record")));

      // when the direct exporter gets records on partition 1 and five minutes pass
      try (var direct = new EsExporter(es, 1, importers)) {
        direct.flush(records);
        direct.controller.advance(Duration.ofMinutes(5));

        // then it has written, acknowledged and remembered nothing
        assertThat(direct.controller.acknowledgements()).isEmpty();
        assertThat(direct.controller.readMetadata()).isEmpty();
        assertThat(ReadModelDocuments.all(client, es.index("process-instance-v2"))).isEmpty();

        // and once the importer has saved and completed the partition's position, it writes all
        position(client, es, 1, "zeebe-record-process-instance", true);
        Await.advanceUntilAcknowledged(
            direct.controller, records.getLast().getPosition(), Duration.ofSeconds(10));
        assertThat(direct.controller.getLastExportedRecordPosition())
            .isEqualTo(records.getLast().getPosition());
        assertThat(
                new String(direct.controller.readMetadata().orElseThrow(), StandardCharsets.UTF_8))
            .contains("\"importersDone\":true");
        assertThat(ReadModelDocuments.all(client, es.index("process-instance-v2"))).hasSize(2);
      }
    }
  }

  @Test
  void shouldCompleteReadersWhoseRecordIndexDoesNotExist(EngineTarget es) throws Exception {
    // given no record index at all (camunda/camunda#26046 threw here and never completed)
    var settings =
        TwoHop.importer(es, es.index("read-model"), es.index("zeebe-record"), List.of(1, 2))
            .withEmptyBatchesToComplete(3);

    // when
    try (var importer = Importer.start(settings, Clock.systemUTC())) {
      Await.until(importer::allCompleted, () -> "importer completed: " + importer.positions());
    }

    // then the saved positions say so, and the direct exporter's check agrees
    try (var client = EngineClient.open(es.url());
        var source = source(es)) {
      client.refresh(settings.positionIndex());
      var saved = client.count(settings.positionIndex(), "{\"term\":{\"completed\":true}}");
      assertThat(saved).isEqualTo(2L * settings.valueTypes().size());
      assertThat(List.of(source.check(1).state(), source.check(2).state()))
          .as("the exporter's check of partitions 1 and 2")
          .containsOnly(ImportStatus.State.NOTHING_TO_WAIT_FOR);
    }
  }
}
