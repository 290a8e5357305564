package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.twohop.importer.Importer;
import dev.sightline.probe.twohop.importer.ImporterSettings;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cluster upgraded from the two-hop design: old records went through the record exporter and are
 * being imported; the direct exporter opens on the same partition, waits without writing or
 * acknowledging, and starts once the importer completes. The final read model holds every record
 * exactly once.
 */
@RealEngines
class ImporterUpgradeIT {

  @Test
  void shouldWaitForTheImporterThenWriteAndEndWithEveryRecordExactlyOnce(EngineTarget es)
      throws Exception {
    // given records before and after the upgrade
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var old = new ArrayList<Record<?>>(scenario.deploy());
    for (int i = 0; i < 20; i++) {
      old.addAll(scenario.runToCompletion());
    }
    var newer = new ArrayList<Record<?>>();
    for (int i = 0; i < 20; i++) {
      newer.addAll(scenario.runToCompletion());
    }
    var readModel = es.indexPrefix() + "-upgraded";
    var recordPrefix = es.indexPrefix() + "-zeebe-record";
    var importerSettings =
        TwoHop.importer(es, readModel, recordPrefix, List.of(1))
            // ~20 s idle: the importer must still run through the checks below, also on a slow
            // machine (at ~6 s it once completed during them under a load of 20 on 2 cores)
            .withEmptyBatchesToComplete(200);

    // the old broker's record exporter, with the importer running
    try (var oldBroker = TwoHop.recordHost(es, recordPrefix);
        var importer = Importer.start(importerSettings, Clock.systemUTC())) {
      Await.acknowledged(
          oldBroker.startPartition(1, ListRecordSource.of(old)),
          "records",
          old.getLast().getPosition());
      // the import-position documents exist once the first save ran (every 500 ms here)
      Await.until(() -> !importer.positions().isEmpty(), "the importer's first saved positions");
      assertThat(importer.allCompleted())
          .as("not completed yet: the test needs a reader still running")
          .isFalse();

      // when the upgraded broker's direct exporter opens on the same partition with the newer
      // records
      try (var newBroker = upgradedBroker(es, readModel, importerSettings)) {
        var partition = newBroker.startPartition(1, ListRecordSource.of(newer));
        Await.delivered(partition, newer.getLast().getPosition());

        // then while the importer runs, the direct exporter acknowledges nothing: checked all
        // along a second, five gate checks
        Await.during(
            Duration.ofSeconds(1),
            () -> {
              assertThat(importer.allCompleted()).as("importer completed").isFalse();
              assertThat(newBroker.acknowledgedPosition(1, "sightline"))
                  .as("acknowledged while waiting")
                  .isLessThan(newer.getFirst().getPosition());
            });
        try (var client = EngineClient.open(es.url())) {
          var written = TwoHop.readModel(client, readModel).get("process-instance");
          assertThat(written.keySet())
              .as("nothing of the newer records written while waiting")
              .doesNotContain(Long.toString(scenario.parentInstanceKey));
        }

        // and once the importer completes, it writes and acknowledges everything
        Await.acknowledged(partition, "sightline", newer.getLast().getPosition());
        assertThat(importer.allCompleted()).isTrue();
      }
    }

    // and the read model equals a direct-only run over all records: every record exactly once
    var reference = es.indexPrefix() + "-reference";
    var all = new ArrayList<Record<?>>(old);
    all.addAll(newer);
    try (var host = TwoHop.directHost(es, reference, java.util.Map.of())) {
      Await.acknowledged(
          host.startPartition(1, ListRecordSource.of(all)),
          "sightline",
          all.getLast().getPosition());
    }
    try (var client = EngineClient.open(es.url())) {
      var expected = TwoHop.readModel(client, reference);
      assertThat(expected.get("process-instance")).hasSize(2 * 40);
      assertThat(TwoHop.differences(expected, TwoHop.readModel(client, readModel))).isEmpty();
    }
  }

  @Test
  void shouldWaitForAnImporterThatHasNotSavedItsFirstPositionYet(EngineTarget es) throws Exception {
    // given old records in the record indices, and the importer not started yet: no position index
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var old = new ArrayList<Record<?>>(scenario.deploy());
    for (int i = 0; i < 5; i++) {
      old.addAll(scenario.runToCompletion());
    }
    var newer = new ArrayList<Record<?>>();
    for (int i = 0; i < 5; i++) {
      newer.addAll(scenario.runToCompletion());
    }
    var readModel = es.indexPrefix() + "-upgraded";
    var recordPrefix = es.indexPrefix() + "-zeebe-record";
    var importerSettings =
        TwoHop.importer(es, readModel, recordPrefix, List.of(1)).withEmptyBatchesToComplete(10);
    try (var oldBroker = TwoHop.recordHost(es, recordPrefix)) {
      Await.acknowledged(
          oldBroker.startPartition(1, ListRecordSource.of(old)),
          "records",
          old.getLast().getPosition());
    }

    // when the upgraded broker's direct exporter opens with the newer records
    try (var newBroker = upgradedBroker(es, readModel, importerSettings)) {
      var partition = newBroker.startPartition(1, ListRecordSource.of(newer));
      Await.delivered(partition, newer.getLast().getPosition());

      // then it waits: checked all along a second, five gate checks, none may open the gate
      Await.during(
          Duration.ofSeconds(1),
          () ->
              assertThat(newBroker.acknowledgedPosition(1, "sightline"))
                  .as("acknowledged before the importer saved a position")
                  .isLessThan(newer.getFirst().getPosition()));

      // and once the importer has run and completed, it writes and acknowledges everything
      try (var importer = Importer.start(importerSettings, Clock.systemUTC())) {
        Await.acknowledged(partition, "sightline", newer.getLast().getPosition());
        assertThat(importer.allCompleted()).isTrue();
      }
    }

    // and the read model equals a direct-only run over all records: the newer records, held while
    // the exporter waited, got their element and process names from the definitions the importer
    // wrote before the gate opened
    var reference = es.indexPrefix() + "-reference";
    var all = new ArrayList<Record<?>>(old);
    all.addAll(newer);
    reference(es, reference, all);
    try (var client = EngineClient.open(es.url())) {
      var expected = TwoHop.readModel(client, reference);
      assertThat(expected.get("process-instance")).hasSize(2 * 10);
      assertThat(TwoHop.differences(expected, TwoHop.readModel(client, readModel))).isEmpty();
    }
  }

  /** The upgraded broker: the direct exporter, checking the importers every 200 ms. */
  private static BrokerHost upgradedBroker(
      EngineTarget es, String readModel, ImporterSettings importerSettings) {
    return TwoHop.directHost(
        es,
        readModel,
        Map.of(
            "importers.checkInterval",
            "200ms",
            "importers.positionIndex",
            importerSettings.positionIndex(),
            "importers.recordIndexPrefix",
            importerSettings.recordIndexPrefix()));
  }

  private static void reference(EngineTarget es, String prefix, List<Record<?>> records) {
    try (var host = TwoHop.directHost(es, prefix, Map.of())) {
      Await.acknowledged(
          host.startPartition(1, ListRecordSource.of(records)),
          "sightline",
          records.getLast().getPosition());
    }
  }
}
