package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.importers.ImportStatusSource;
import dev.sightline.it.support.EsClients;
import dev.sightline.it.support.EsTarget;
import dev.sightline.it.support.RealElasticsearch;
import dev.sightline.probe.twohop.importer.Importer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The importer-done check against real indices, and the importer's completion when there is nothing
 * to read.
 */
@RealElasticsearch
class ImportStatusIT {

  private static ImportStatusSource source(EsTarget es) {
    var config =
        ConfigParser.parse(
            Map.of(
                "connect", Map.of("url", es.url().toString()),
                "importers",
                    Map.of(
                        "positionIndex",
                        es.index("import-position"),
                        "recordIndexPrefix",
                        es.index("zeebe-record"))));
    return ImportStatusSource.Factory.ELASTICSEARCH.create(config, new ObjectMapper());
  }

  private static void position(
      ElasticsearchClient client, EsTarget es, int partition, String alias, boolean completed)
      throws Exception {
    client.index(
        i ->
            i.index(es.index("import-position"))
                .id(partition + "-" + alias)
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .document(
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
                        completed)));
  }

  @Test
  void shouldFindNothingToWaitForWithoutRecordIndices(EsTarget es) throws Exception {
    try (var client = EsClients.open(es.url());
        var source = source(es)) {
      position(client, es, 1, "zeebe-record-process-instance", false);

      assertThat(source.check(1).state()).isEqualTo(ImportStatus.State.NOTHING_TO_WAIT_FOR);
    }
  }

  @Test
  void shouldWaitUntilEveryReaderOfThePartitionHasCompleted(EsTarget es) throws Exception {
    try (var client = EsClients.open(es.url());
        var source = source(es)) {
      // given a record index and no position yet for partition 1
      client
          .indices()
          .create(c -> c.index(es.index("zeebe-record") + "_process-instance_8.6.0_2026-11-28"));
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

  @Test
  void shouldCompleteReadersWhoseRecordIndexDoesNotExist(EsTarget es) throws Exception {
    // given no record index at all (camunda/camunda#26046 threw here and never completed)
    var settings =
        TwoHop.importer(es, es.index("read-model"), es.index("zeebe-record"), List.of(1, 2))
            .withEmptyBatchesToComplete(3);

    // when
    try (var importer = Importer.start(settings, Clock.systemUTC())) {
      var deadline = System.nanoTime() + TwoHop.WAIT.toNanos();
      while (!importer.allCompleted() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(importer.allCompleted()).isTrue();
    }

    // then the saved positions say so, and the direct exporter's check agrees
    try (var client = EsClients.open(es.url());
        var source = source(es)) {
      client.indices().refresh(r -> r.index(settings.positionIndex()));
      var saved =
          client.count(
              c ->
                  c.index(settings.positionIndex())
                      .query(q -> q.term(t -> t.field("completed").value(true))));
      assertThat(saved.count()).isEqualTo(2L * settings.valueTypes().size());
    }
  }
}
