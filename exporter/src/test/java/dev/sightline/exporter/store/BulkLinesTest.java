package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkLinesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> lines(dev.sightline.exporter.batch.PendingDocument document) {
    var text = new String(BulkLines.of(document).lines(), StandardCharsets.UTF_8);
    assertThat(text).as("every line ends in a newline").endsWith("\n");
    return List.of(text.split("\n"));
  }

  @Test
  void shouldIndexAWholeDocumentAndUpsertAPartialOne() throws Exception {
    // given a document created in the batch and one only changed
    var batch = new Batch();
    var fields = new LinkedHashMap<String, Object>();
    fields.put("key", 42L);
    fields.put("state", "ACTIVE");
    fields.put("incident", false);
    fields.put("tags", List.of("a", "b"));
    fields.put("nothing", null);
    batch.create(new DocumentKey("s-pi", "42"), fields);
    batch.merge(new DocumentKey("s-pi", "7"), Map.of("state", "COMPLETED"));
    var documents = batch.documents();

    // when
    var whole = lines(documents.get(0));
    var partial = lines(documents.get(1));

    // then the same JSON a data-bound writer gives, in the operation each needs
    assertThat(JSON.readValue(whole.get(0), Map.class))
        .isEqualTo(Map.of("index", Map.of("_index", "s-pi", "_id", "42")));
    assertThat(JSON.readValue(whole.get(1), Map.class))
        .isEqualTo(JSON.readValue(JSON.writeValueAsString(fields), Map.class));
    assertThat(JSON.readValue(partial.get(0), Map.class))
        .isEqualTo(Map.of("update", Map.of("_index", "s-pi", "_id", "7", "retry_on_conflict", 5)));
    assertThat(JSON.readValue(partial.get(1), Map.class))
        .isEqualTo(Map.of("doc", Map.of("state", "COMPLETED"), "doc_as_upsert", true));
  }

  @Test
  void shouldEscapeALoneSurrogateInsteadOfFailing() throws Exception {
    // given a variable value with half a surrogate pair
    var batch = new Batch();
    batch.merge(new DocumentKey("s-var", "1"), Map.of("value", "a\uD800b"));

    // when
    var source = lines(batch.documents().getFirst()).get(1);

    // then the line is valid JSON
    assertThat(JSON.readTree(source).get("doc").get("value").asText())
        .startsWith("a")
        .endsWith("b");
  }

  @Test
  void shouldEncodeIdsInPaths() {
    assertThat(RestCalls.segment("a/b c%ä")).isEqualTo("a%2Fb%20c%25%C3%A4");
    assertThat(RestCalls.segmentKeepingWildcards("zeebe-record_*")).isEqualTo("zeebe-record_*");
  }
}
