package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.EsClients;
import dev.sightline.it.support.EsTarget;
import dev.sightline.it.support.RealElasticsearch;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/**
 * The preview boundary on a real node: values of 8190, 8191 and 8192 characters, ASCII and 4-byte
 * emoji, are all accepted; the preview stays findable by an exact term (8191 emoji are 32764 UTF-8
 * bytes, within Lucene's 32766-byte term limit), and the whole value comes back from the
 * stored-only field.
 */
@RealElasticsearch
class VariablePreviewIT {

  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void shouldStoreValuesAroundThePreviewBoundaryAndKeepThePreviewSearchable(EsTarget es)
      throws IOException {
    // given variables of 8190, 8191, 8192 characters (code points), ASCII, emoji and mixed at the
    // boundary
    var values = new LinkedHashMap<String, String>();
    values.put("ascii8190", "a".repeat(8190));
    values.put("ascii8191", "a".repeat(8191));
    values.put("ascii8192", "a".repeat(8192));
    values.put("emoji8190", EMOJI.repeat(8190));
    values.put("emoji8191", EMOJI.repeat(8191));
    values.put("emoji8192", EMOJI.repeat(8192));
    values.put("asciiThenEmoji8191", "a".repeat(8190) + EMOJI);
    values.put("asciiThenEmoji8192", "a".repeat(8191) + EMOJI);
    var engine = new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
    var instance =
        engine.startRoot(
            engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel()),
            ProcessScenario.PARENT);
    values.forEach(
        (name, value) ->
            engine.variable(VariableIntent.CREATED, instance, instance.key(), name, value));

    try (var exporter = new EsExporter(es);
        ElasticsearchClient client = EsClients.open(es.url())) {
      // when
      exporter.flush(engine.drain());

      // then
      var documents = ReadModelDocuments.all(client, es.index("variable-v1"));
      for (var entry : values.entrySet()) {
        var value = entry.getValue();
        var length = value.codePointCount(0, value.length());
        var preview = length > 8191 ? value.substring(0, value.offsetByCodePoints(0, 8191)) : value;
        var document = documents.get(instance.key() + "-" + entry.getKey());
        assertThat(document)
            .as(entry.getKey())
            .containsEntry("value", preview)
            .containsEntry("isPreview", length > 8191);
        if (length > 8191) {
          assertThat(document).as(entry.getKey()).containsEntry("fullValue", value);
        } else {
          assertThat(document).as(entry.getKey()).doesNotContainKey("fullValue");
        }
        assertThat(termHits(client, es, preview))
            .as("%s found by its preview", entry.getKey())
            .isPositive();
      }
    }
  }

  @Test
  void shouldMapTheFullValueAsStoredOnly(EsTarget es) throws IOException {
    try (var opened = new EsExporter(es);
        ElasticsearchClient client = EsClients.open(es.url())) {
      // given the schema the exporter created when it opened
      var index = es.index("variable-v1");

      // when
      var properties =
          client.indices().getMapping(m -> m.index(index)).get(index).mappings().properties();

      // then
      assertThat(properties.get("value").isKeyword()).isTrue();
      assertThat(properties.get("fullValue").keyword().index()).isFalse();
      assertThat(properties.get("fullValue").keyword().docValues()).isFalse();
    }
  }

  private static long termHits(ElasticsearchClient client, EsTarget es, String preview)
      throws IOException {
    return client
        .count(
            c ->
                c.index(es.index("variable-v1"))
                    .query(q -> q.term(t -> t.field("value").value(preview))))
        .count();
  }
}
