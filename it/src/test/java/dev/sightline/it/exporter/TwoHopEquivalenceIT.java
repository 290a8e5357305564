package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.source.ListRecordSource;
import dev.sightline.probe.recordjson.CorpusFiles;
import dev.sightline.probe.twohop.importer.Importer;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same records through record exporter → importer and through the direct exporter give
 * identical documents in every read-model index: the baseline differs only in when data becomes
 * visible.
 */
@RealEngines
class TwoHopEquivalenceIT {

  /**
   * The real 8.8 engine's records (call chain, incidents, variables, jobs, user tasks), then 100
   * parent/child runs.
   */
  private static List<Record<?>> records() {
    var records =
        new ArrayList<Record<?>>(
            corpus("_generated__zeebe-process-test-engine/records-zeebe-8.8.0.ndjson"));
    var factory = new RecordFactory(1);
    // continue after the corpus's positions and keys
    while (factory.lastPosition() < records.getLast().getPosition()) {
      factory.nextKey();
      factory.event(
          io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE,
          io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATED,
          0,
          io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue.builder()
              .build(),
          0);
    }
    var scenario = new ProcessScenario(factory, true, 1_795_831_300_000L);
    records.addAll(scenario.deploy());
    for (int i = 0; i < 100; i++) {
      records.addAll(scenario.runToCompletion());
    }
    return records;
  }

  /** A corpus file from the record codec's test jar (see its PROVENANCE.md). */
  static List<Record<?>> corpus(String file) {
    return CorpusFiles.read(file).records();
  }

  @Test
  void shouldWriteIdenticalDocumentsThroughBothDesigns(EngineTarget es) throws Exception {
    // given
    var records = records();
    var direct = es.indexPrefix() + "-direct";
    var twoHop = es.indexPrefix() + "-twohop";
    var recordPrefix = es.indexPrefix() + "-zeebe-record";
    var last = records.getLast().getPosition();

    // when the direct exporter writes the read model
    try (var host = TwoHop.directHost(es, direct, java.util.Map.of())) {
      Await.acknowledged(host.startPartition(1, ListRecordSource.of(records)), "sightline", last);
    }
    // and the record exporter plus the importer write it the two-hop way
    try (var host = TwoHop.recordHost(es, recordPrefix)) {
      Await.acknowledged(host.startPartition(1, ListRecordSource.of(records)), "records", last);
    }
    try (var importer =
        Importer.start(TwoHop.importer(es, twoHop, recordPrefix, List.of(1)), Clock.systemUTC())) {
      Await.until(importer::allCompleted, () -> "importer completed: " + importer.positions());
      assertThat(importer.skippedRecords()).isZero();
    }

    // then every read-model index holds the same documents
    try (var client = EngineClient.open(es.url())) {
      var expected = TwoHop.readModel(client, direct);
      assertThat(expected.get("process-instance")).hasSizeGreaterThan(200);
      assertThat(TwoHop.differences(expected, TwoHop.readModel(client, twoHop))).isEmpty();
    }
  }
}
