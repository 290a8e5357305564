package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.handler.Dates;
import dev.sightline.exporter.schema.DeadLetterIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every handler and intent against a real node ({@link EveryHandlerScenario}): the documents
 * Elasticsearch ends with are exactly those the unit tests' store double ends with — partial
 * updates, nulls, arrays and stored objects merge the same way — and the documents hold what a
 * monitoring UI reads.
 */
@RealEngines
class ReadModelIT {

  private static Map<String, Object> document(
      EngineClient client, EngineTarget es, String index, long key) throws IOException {
    var descriptor =
        ReadModelSchema.INDICES.stream()
            .filter(candidate -> candidate.name().equals(index))
            .findFirst()
            .orElseThrow();
    return ReadModelDocuments.all(client, es.index(index + "-v" + descriptor.version()))
        .get(Long.toString(key));
  }

  @Test
  void shouldEndWithTheSameDocumentsAsTheStoreDoubleInEveryIndex(EngineTarget es)
      throws IOException {
    // given the scenario exported batch by batch into Elasticsearch and into the in-memory double
    var scenario = new EveryHandlerScenario();
    var reference = new ExporterHarness(Map.of("index", Map.of("prefix", es.indexPrefix())));
    try (var exporter = new EsExporter(es)) {
      for (var batch : scenario.batches) {
        exporter.flush(batch);
        reference.export(batch);
        reference.advance(Duration.ofSeconds(1));
      }
    }

    // then
    try (var client = EngineClient.open(es.url())) {
      for (var index : ReadModelSchema.INDICES) {
        var name = index.indexName(es.indexPrefix());
        var documents = ReadModelDocuments.all(client, name);
        assertThat(documents)
            .as(name)
            .isEqualTo(ReadModelDocuments.normalizeAll(reference.store.index(name)));
        if (index != DeadLetterIndex.DESCRIPTOR) {
          assertThat(documents)
              .as("%s: the scenario writes to every read-model index", name)
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void shouldHoldWhatAMonitoringUiReads(EngineTarget es) throws IOException {
    // given
    var s = new EveryHandlerScenario();
    try (var exporter = new EsExporter(es);
        var client = EngineClient.open(es.url())) {
      // when the first three batches are exported: both incidents open
      s.batches.subList(0, 3).forEach(exporter::flush);

      // then
      assertThat(document(client, es, "process-instance", s.tree.root.key()))
          .containsEntry("processName", "Root")
          .containsEntry("incident", true)
          .containsEntry("openIncidentKeys", List.of(s.incidentA, s.incidentB));
      assertThat(document(client, es, "incident", s.incidentB))
          .containsEntry("state", "ACTIVE")
          .containsEntry("errorType", "UNHANDLED_ERROR_EVENT")
          .containsEntry("jobKey", s.jobB);
      assertThat(document(client, es, "job", s.jobA))
          .containsEntry("state", "FAILED")
          .containsEntry("retries", 0L)
          .containsEntry("errorMessage", "boom")
          .containsEntry("deadline", Dates.iso(ExporterHarness.START_MILLIS + 60_000))
          .containsEntry("customHeaders", Map.of("region", "eu", "a.b", "dotted"));
      assertThat(document(client, es, "user-task", s.userTask))
          .containsEntry("name", "Approve")
          .containsEntry("assignee", "ann")
          .containsEntry("priority", 80L)
          .containsEntry("dueDate", null)
          .containsEntry("candidateGroups", List.of("sales"))
          .containsEntry("formKey", 31L);

      // when the fourth: one incident resolved, tasks completed and canceled, things migrated
      exporter.flush(s.batches.get(3));

      // then the root stays flagged for the other branch
      assertThat(document(client, es, "process-instance", s.tree.root.key()))
          .containsEntry("incident", true)
          .containsEntry("openIncidentKeys", List.of(s.incidentB));
      assertThat(document(client, es, "process-instance", s.tree.leafA.key()))
          .containsEntry("incident", false);
      assertThat(document(client, es, "job", s.jobA))
          .containsEntry("state", "COMPLETED")
          .containsEntry("worker", "w3");
      assertThat(document(client, es, "job", s.jobB))
          .containsEntry("state", "ERROR_THROWN")
          .containsEntry("errorCode", "E1");
      assertThat(document(client, es, "job", s.jobC))
          .containsEntry("state", "CANCELED")
          .containsEntry("elementId", "task-v2");
      assertThat(document(client, es, "job", s.jobD)).containsEntry("state", "YIELDED");
      assertThat(document(client, es, "user-task", s.userTask))
          .containsEntry("state", "COMPLETED")
          .containsEntry("elementId", "review")
          .containsEntry("name", "Review");
      assertThat(document(client, es, "user-task", s.otherUserTask))
          .containsEntry("state", "CANCELED");
      assertThat(document(client, es, "incident", s.incidentB))
          .containsEntry("elementId", "task-v2");

      // when the last: the other incident resolved
      exporter.flush(s.batches.get(4));

      // then
      assertThat(document(client, es, "process-instance", s.tree.root.key()))
          .containsEntry("incident", false)
          .containsEntry("openIncidentKeys", List.of());
      var definition = document(client, es, "process-definition", s.tasksDefinition);
      assertThat(definition)
          .containsEntry("name", "Tasks")
          .containsEntry("callActivityIds", List.of());
      assertThat(definition.get("elementNames"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("approve", "Approve")
          .containsEntry("review", "Review");
      assertThat(definition.get("bpmnXml")).asString().contains("id=\"approve\"");
    }
  }
}
