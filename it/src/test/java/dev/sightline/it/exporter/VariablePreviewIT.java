package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
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
@RealEngines
class VariablePreviewIT {

  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void shouldStoreValuesAroundThePreviewBoundaryAndKeepThePreviewSearchable(EngineTarget es)
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
        var client = EngineClient.open(es.url())) {
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
  void shouldMapTheFullValueAsStoredOnly(EngineTarget es) throws IOException {
    try (var opened = new EsExporter(es);
        var client = EngineClient.open(es.url())) {
      // given the schema the exporter created when it opened
      var index = es.index("variable-v1");

      // when
      var value = client.field(index, "value");
      var fullValue = client.field(index, "fullValue");

      // then
      assertThat(value).containsEntry("type", "keyword");
      assertThat(fullValue)
          .containsEntry("type", "keyword")
          .containsEntry("index", false)
          .containsEntry("doc_values", false);
    }
  }

  private static long termHits(EngineClient client, EngineTarget es, String preview)
      throws IOException {
    return client.count(
        es.index("variable-v1"),
        "{\"term\":{\"value\":" + new ObjectMapper().writeValueAsString(preview) + "}}");
  }
}
