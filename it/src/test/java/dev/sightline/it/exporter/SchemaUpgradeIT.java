package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.exporter.flush.AnswerWait;
import dev.sightline.exporter.importers.ImportStatusSource;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.exporter.testing.BrokerFilter;
import dev.sightline.exporter.testing.BumpedSchema;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.actor.VirtualClock;
import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A schema upgrade from the current schema on a real node: the first part of the open-loop workload
 * (cut while many instances run) written with the production schema, the rest by an exporter whose
 * schema has {@code process-instance} at v3 with a field the upgrade step derives ({@link
 * BumpedSchema}), restarted from what the first one acknowledged. Read through the aliases, the
 * read model then equals a clean run of the new schema over the whole workload — plus the derived
 * field on exactly the documents that were moved — no document is left in v2, and the alias covers
 * both versions (v2's added at the upgrade: the test takes it away before, as a release without
 * aliases created v2). Without the copy-forward the partial updates of running instances would land
 * in v3 as partial documents beside their whole v2 ones, and this fails.
 */
@RealEngines
class SchemaUpgradeIT {

  private static final Instant WORKLOAD_START = Instant.parse("2026-11-28T00:00:00Z");
  private static final Duration AT_MOST = Duration.ofSeconds(60);

  @Test
  void shouldReadThroughTheAliasesWhatACleanRunOfTheNewSchemaWritesAfterAnUpgradeMidWorkload(
      EngineTarget es) {
    // given the workload's records, cut half-way on a record the exporter reads
    var workload =
        Workload.of(
            WorkloadSpec.defaults()
                .withRate(4)
                .withPartitions(1)
                .withDuration(Duration.ofSeconds(10), Duration.ZERO)
                .withIncidents(0.2, Duration.ofSeconds(2)),
            WORKLOAD_START);
    var all = workload.stream(1).toList();
    var cut = all.size() / 2;
    while (!BrokerFilter.accepts(all.get(cut - 1))) {
      cut--; // end on a record the exporter reads, so that it acknowledges the last one
    }
    var first = all.subList(0, cut);
    var rest = all.subList(cut, all.size());
    var prefix = es.indexPrefix();
    var v2 = ProcessInstanceIndex.DESCRIPTOR.indexName(prefix);
    var v3 = BumpedSchema.PROCESS_INSTANCE.indexName(prefix);
    var clock = new VirtualClock(ExporterHarness.START_MILLIS);
    var controller = new TestController(clock);

    try (var client = EngineClient.open(es.url())) {
      // and the first part written with the production schema
      try (var old = exporter(es, prefix, clock, controller, ReadModelSchema.INDICES)) {
        old.flush(first, AT_MOST);
      }
      assertThat(controller.getLastExportedRecordPosition())
          .isEqualTo(BrokerFilter.lastAccepted(first));
      // and v2 without its alias, as a release before aliases created it
      var alias = BumpedSchema.PROCESS_INSTANCE.aliasName(prefix);
      client.call(
          "POST",
          "/_aliases",
          Map.of("actions", List.of(Map.of("remove", Map.of("index", v2, "alias", alias)))));
      var moved = ReadModelDocuments.all(client, v2);
      assertThat(moved.values())
          .as("instances still running at the upgrade")
          .filteredOn(document -> "ACTIVE".equals(document.get("state")))
          .hasSizeGreaterThan(10);

      // when the broker restarts with the new schema from what was acknowledged
      var upgraded =
          new TestController(
              clock,
              controller.getLastExportedRecordPosition(),
              controller.readMetadata().orElseThrow());
      try (var neu = exporter(es, prefix, clock, upgraded, BumpedSchema.INDICES)) {
        neu.flush(rest, AT_MOST);
        report(es, neu);
      }
      assertThat(upgraded.getLastExportedRecordPosition())
          .isEqualTo(BrokerFilter.lastAccepted(rest));

      // then, read through the aliases, the documents are a clean run's of the new schema, the
      // moved ones with the field the step derived
      var clean = prefix + "-clean";
      var cleanController = new TestController(clock);
      try (var reference = exporter(es, clean, clock, cleanController, BumpedSchema.INDICES)) {
        reference.flush(all, AT_MOST);
      }
      var expected = throughAliases(client, clean);
      assertThat(expected.get("process-instance"))
          .hasSize((int) (workload.spec().instanceCount() * 6));
      moved.forEach(
          (id, document) ->
              expected
                  .get("process-instance")
                  .get(id)
                  .put(
                      BumpedSchema.ROOT_INSTANCE.name(),
                      !document.containsKey(
                          ProcessInstanceIndex.PARENT_PROCESS_INSTANCE_KEY.name())));
      assertThat(TwoHop.differences(expected, throughAliases(client, prefix))).isEmpty();

      // and nothing of the partition is left in v2, which the alias covers with v3
      client.refresh(v2);
      assertThat(client.count(v2)).as("documents left in " + v2).isZero();
      assertThat(client.call("GET", "/_alias/" + alias, null)).containsOnlyKeys(v2, v3);
    }
  }

  /** What the copy-forward took on this node, for docs/operations.md ("How long it takes"). */
  private static void report(EngineTarget es, EsExporter exporter) {
    var registry = exporter.context.getMeterRegistry();
    var pages = registry.get("sightline.exporter.schema.upgrade.page.duration").timer();
    var copied =
        registry
            .get("sightline.exporter.schema.upgrade.documents")
            .tag("outcome", "copied")
            .counter()
            .count();
    System.out.printf(
        "SchemaUpgradeIT on %s: %.0f documents moved in %d pages of at most 50, page mean %.1f ms,"
            + " max %.1f ms%n",
        es.version(),
        copied,
        pages.count(),
        pages.mean(TimeUnit.MILLISECONDS),
        pages.max(TimeUnit.MILLISECONDS));
  }

  /** Every document of the schema's indices, read through their aliases, by index name. */
  private static Map<String, Map<String, Map<String, Object>>> throughAliases(
      EngineClient client, String prefix) {
    var all = new TreeMap<String, Map<String, Map<String, Object>>>();
    for (var index : BumpedSchema.INDICES) {
      all.put(index.name(), ReadModelDocuments.throughAlias(client, index.aliasName(prefix)));
    }
    return all;
  }

  private static EsExporter exporter(
      EngineTarget es,
      String prefix,
      VirtualClock clock,
      TestController controller,
      List<IndexDescriptor> indices) {
    return new EsExporter(
        es,
        1,
        Map.of("index", Map.of("prefix", prefix, "upgradePageSize", 50)),
        clock,
        controller,
        new SightlineExporter(
            StoreFactory.ELASTICSEARCH,
            (config, json) -> ImportStatusSource.NOTHING_TO_WAIT_FOR,
            AnswerWait.BLOCKING,
            indices));
  }
}
