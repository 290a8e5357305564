package dev.sightline.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The tests' client for Elasticsearch and OpenSearch alike: the low-level REST client and Jackson,
 * with what the tests ask (search, get, count, bulk, mappings, index settings, cluster health).
 * elasticsearch-java refuses OpenSearch (it checks {@code X-Elastic-Product}); this checks nothing.
 * A non-2xx answer throws {@link EngineError}; I/O failures are unchecked.
 */
public final class EngineClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContentType NDJSON =
      ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

  private final RestClient client;

  private EngineClient(RestClient client) {
    this.client = client;
  }

  public static EngineClient open(URI url) {
    return new EngineClient(RestClient.builder(HttpHost.create(url.toString())).build());
  }

  /** A non-2xx answer: its status and body. */
  public static final class EngineError extends RuntimeException {
    private final int status;

    EngineError(int status, String body) {
      super("HTTP " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** A search hit. */
  public record Hit(String index, String id, Map<String, Object> source) {}

  /** The low-level client, for requests this class does not name. */
  public RestClient lowLevel() {
    return client;
  }

  /** Any request; the answer's JSON body (empty for none). */
  public Map<String, Object> call(String method, String path, Object body) {
    var request = new Request(method, path);
    if (body != null) {
      request.setJsonEntity(body instanceof String text ? text : json(body));
    }
    return answer(request);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> answer(Request request) {
    try {
      var response = client.performRequest(request);
      var entity = response.getEntity();
      if (entity == null) {
        return Map.of();
      }
      var text = new String(entity.getContent().readAllBytes(), StandardCharsets.UTF_8);
      return text.isBlank() ? Map.of() : (Map<String, Object>) JSON.readValue(text, Map.class);
    } catch (ResponseException e) {
      String answer;
      try {
        answer =
            e.getResponse().getEntity() == null
                ? ""
                : new String(
                    e.getResponse().getEntity().getContent().readAllBytes(),
                    StandardCharsets.UTF_8);
      } catch (IOException unreadable) {
        answer = unreadable.toString();
      }
      throw new EngineError(e.getResponse().getStatusLine().getStatusCode(), answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void refresh(String indices) {
    call("POST", "/" + indices + "/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
  }

  public long count(String index) {
    return count(index, null);
  }

  /**
   * @param query a query as JSON, e.g. {@code {"term":{"key":1}}}; null for all
   */
  public long count(String index, String query) {
    var body = query == null ? null : "{\"query\":" + query + "}";
    return ((Number) call("POST", "/" + index + "/_count", body).get("count")).longValue();
  }

  /** Up to 10,000 hits of all documents. */
  public List<Hit> search(String index) {
    return search(index, "{\"size\":10000}");
  }

  /**
   * Every document, however many (a scroll of 10,000 at a time, in no particular order): a search
   * stops at 10,000 hits.
   */
  public List<Hit> searchAll(String index) {
    var all = new ArrayList<Hit>();
    var answer = call("POST", "/" + index + "/_search?scroll=1m", "{\"size\":10000}");
    try {
      var page = hitsOf(answer);
      while (!page.isEmpty()) {
        all.addAll(page);
        answer =
            call(
                "POST",
                "/_search/scroll",
                Map.of("scroll", "1m", "scroll_id", answer.get("_scroll_id")));
        page = hitsOf(answer);
      }
    } finally {
      call("DELETE", "/_search/scroll", Map.of("scroll_id", answer.get("_scroll_id")));
    }
    return all;
  }

  /** The hits of a search body. */
  public List<Hit> search(String index, String body) {
    return hitsOf(searchAnswer(index, body));
  }

  /** The whole answer of a search (aggregations, total hits). */
  public Map<String, Object> searchAnswer(String index, String body) {
    return call("POST", "/" + index + "/_search", body);
  }

  @SuppressWarnings("unchecked")
  public static List<Hit> hitsOf(Map<String, Object> answer) {
    var hits = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("hits")).get("hits");
    return hits.stream()
        .map(
            hit ->
                new Hit(
                    (String) hit.get("_index"),
                    (String) hit.get("_id"),
                    (Map<String, Object>) hit.get("_source")))
        .toList();
  }

  /** A document's source (real time), empty if it or its index is not there. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> get(String index, String id) {
    try {
      var answer = call("GET", "/" + index + "/_doc/" + id, null);
      return Boolean.TRUE.equals(answer.get("found"))
          ? Optional.of((Map<String, Object>) answer.get("_source"))
          : Optional.empty();
    } catch (EngineError e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Indexes documents by id in one {@code _bulk} request, visible to search when this returns.
   *
   * @return the answer: {@code errors}, and one of {@code items} per document
   */
  public Map<String, Object> bulkIndex(String index, Map<String, ?> sourcesById) {
    var body = new StringBuilder();
    sourcesById.forEach(
        (id, source) ->
            body.append(json(Map.of("index", Map.of("_id", id))))
                .append('\n')
                .append(json(source))
                .append('\n'));
    var request = new Request("POST", "/" + index + "/_bulk?refresh=true");
    request.setEntity(new StringEntity(body.toString(), NDJSON));
    return answer(request);
  }

  /** Indexes a document, visible to search when this returns. */
  public void index(String index, String id, Object source) {
    call("PUT", "/" + index + "/_doc/" + id + "?refresh=true", source);
  }

  /** The names of the indices {@code pattern} matches (e.g. {@code prefix-*}); none is fine. */
  public Set<String> indices(String pattern) {
    return call("GET", "/" + pattern + "?allow_no_indices=true&ignore_unavailable=true", null)
        .keySet();
  }

  public boolean exists(String index) {
    try {
      return client.performRequest(new Request("HEAD", "/" + index)).getStatusLine().getStatusCode()
          == 200;
    } catch (ResponseException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param body settings and mappings as JSON, or null
   */
  public void createIndex(String index, String body) {
    call("PUT", "/" + index, body);
  }

  public void deleteIndex(String index) {
    call("DELETE", "/" + index, null);
  }

  /** The index's mappings: {@code dynamic}, {@code properties} (name to its mapping). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> mappings(String index) {
    var answer = call("GET", "/" + index + "/_mapping", null);
    return (Map<String, Object>) ((Map<String, Object>) answer.get(index)).get("mappings");
  }

  /** A field's mapping, e.g. {@code {"type":"keyword","index":false}}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> field(String index, String field) {
    var properties = (Map<String, Object>) mappings(index).get("properties");
    return (Map<String, Object>) properties.get(field);
  }

  /** The index's settings, flat ({@code index.number_of_shards}, …). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> settings(String index) {
    var answer = call("GET", "/" + index + "/_settings?flat_settings=true", null);
    return (Map<String, Object>) ((Map<String, Object>) answer.get(index)).get("settings");
  }

  /** {@code GET /_cluster/health}: status, number_of_nodes, … */
  public Map<String, Object> health() {
    return call("GET", "/_cluster/health", null);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
