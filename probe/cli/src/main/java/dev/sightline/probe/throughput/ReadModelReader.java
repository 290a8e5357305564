package dev.sightline.probe.throughput;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.RestCalls;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Reads every document of some indices back, with a scroll (no sort on {@code _id}: 8.x forbids
 * it), through the low-level REST client: the same requests on Elasticsearch and OpenSearch.
 */
final class ReadModelReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEEP_ALIVE = "1m";
  private static final int PAGE = 1_000;

  /** One page of a scroll: its id and hits, as {@code filter_path} leaves them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Page(@JsonProperty("_scroll_id") String scrollId, Hits hits) {

    List<Hit> hitList() {
      return hits == null || hits.hits() == null ? List.of() : hits.hits();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Hits(List<Hit> hits) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Hit(@JsonProperty("_id") String id, @JsonProperty("_source") Map<String, Object> source) {}

  private final RestClient client;

  ReadModelReader(RestClient client) {
    this.client = client;
  }

  List<StoredDocument> readAll(List<String> indices) throws IOException {
    refresh(indices);
    var documents = new ArrayList<StoredDocument>();
    for (var index : indices) {
      var search = new Request("POST", "/" + RestCalls.segment(index) + "/_search");
      search.addParameter("scroll", KEEP_ALIVE);
      search.addParameter("filter_path", "_scroll_id,hits.hits._id,hits.hits._source");
      search.setJsonEntity("{\"size\":" + PAGE + "}");
      var page = page(search, "scroll of " + index);
      try {
        while (!page.hitList().isEmpty()) {
          for (var hit : page.hitList()) {
            documents.add(new StoredDocument(index, hit.id(), hit.source()));
          }
          page = page(scroll(page.scrollId()), "scroll of " + index);
        }
      } finally {
        clearScroll(page.scrollId());
      }
    }
    return documents;
  }

  long count(String index) throws IOException {
    refresh(List.of(index));
    var response =
        RestCalls.perform(
            client,
            new Request("GET", "/" + RestCalls.segment(index) + "/_count"),
            "count " + index);
    return ((Number) RestCalls.json(response, "count " + index).get("count")).longValue();
  }

  private void refresh(List<String> indices) {
    var names = indices.stream().map(RestCalls::segment).collect(Collectors.joining(","));
    RestCalls.perform(client, new Request("POST", "/" + names + "/_refresh"), "refresh " + names);
  }

  private Page page(Request request, String what) throws IOException {
    var response = RestCalls.perform(client, request, what);
    try (var body = response.getEntity().getContent()) {
      return page(body);
    }
  }

  static Page page(InputStream body) throws IOException {
    return JSON.readValue(body, Page.class);
  }

  /** The next page of a scroll. */
  static Request scroll(String scrollId) {
    var request = new Request("POST", "/_search/scroll");
    request.addParameter("filter_path", "_scroll_id,hits.hits._id,hits.hits._source");
    request.setJsonEntity(
        JSON.createObjectNode().put("scroll", KEEP_ALIVE).put("scroll_id", scrollId).toString());
    return request;
  }

  private void clearScroll(String scrollId) {
    if (scrollId == null) {
      return;
    }
    var request = new Request("DELETE", "/_search/scroll");
    var body = JSON.createObjectNode();
    body.putArray("scroll_id").add(scrollId);
    request.setJsonEntity(body.toString());
    RestCalls.perform(client, request, "clear scroll");
  }
}
