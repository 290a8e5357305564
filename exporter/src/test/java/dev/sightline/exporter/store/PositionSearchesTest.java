package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The visible stage's search: what it asks and how its answer is read. */
class PositionSearchesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldAskEveryIndexForItsIdsInOneSearchWithoutRefreshing() throws Exception {
    // given
    var ids = new LinkedHashMap<String, List<String>>();
    ids.put("p-process-instance-v2", List.of("1", "2"));
    ids.put("p-job-v1", List.of("7"));

    // when
    var request = PositionSearches.request(ids);
    var body = JSON.readTree(PositionSearches.body(ids));

    // then
    assertThat(request.getEndpoint()).isEqualTo("/p-process-instance-v2,p-job-v1/_search");
    assertThat(request.getParameters())
        .containsEntry("ignore_unavailable", "true")
        .containsEntry("filter_path", "hits.hits._index,hits.hits._id,hits.hits.fields.position")
        .doesNotContainKeys("refresh", "request_cache");
    assertThat(body.path("size").asInt()).isEqualTo(3);
    assertThat(body.path("_source").asBoolean(true)).as("no source loaded").isFalse();
    assertThat(body.path("docvalue_fields").toString()).isEqualTo("[\"position\"]");
    var clauses = body.path("query").path("bool").path("should");
    assertThat(clauses).hasSize(2);
    assertThat(clauses.get(1).toString())
        .isEqualTo(
            "{\"bool\":{\"filter\":[{\"term\":{\"_index\":\"p-job-v1\"}},"
                + "{\"ids\":{\"values\":[\"7\"]}}]}}");
  }

  @Test
  void shouldReadIndexIdAndPositionOfEveryHit() throws Exception {
    // given an answer as filter_path leaves it, one hit without a position
    var answer =
        """
        {"hits":{"hits":[
          {"_index":"p-process-instance-v2","_id":"1","fields":{"position":[42]}},
          {"_index":"p-job-v1","_id":"7","fields":{"position":[9000000000]}},
          {"_index":"p-job-v1","_id":"8"}]}}""";

    // when
    var found =
        PositionSearches.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));

    // then
    assertThat(found)
        .containsExactly(
            new DocumentPosition("p-process-instance-v2", "1", 42),
            new DocumentPosition("p-job-v1", "7", 9_000_000_000L));
  }

  @Test
  void shouldReadAnAnswerWithoutHitsAsNothingFound() throws Exception {
    // given filter_path's answer when nothing matched
    // when
    var found =
        PositionSearches.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
    // then
    assertThat(found).isEmpty();
  }
}
